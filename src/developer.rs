//! The JavaScript API for developers: a story kept parsed (`RoundStory`), `compute`,
//! `formatMoney`, and a mounted explainer's choices and outcome as plain objects. Results cross
//! through serde-wasm-bindgen, and every model error comes back as a `JsError` with the model's
//! message.
//!
//! Built with the `developer-api` feature (on by default, and in `dist/pkg/`). The explainer's
//! embeds and pages never call it, so their wasm is built without it (scripts/build-site.sh).

use wasm_bindgen::prelude::*;

use crate::js::to_js;
use crate::locale::Locale;
use crate::model::fragment::{from_fragment, to_fragment};
use crate::model::money::{parse_amount, Style};
use crate::model::{self, Preset, Scenario, Story};
use crate::{scenario_from_js, story_from_js, Explainer};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Amounts cross as exact decimal strings: "50000000000". Scenario inputs also take "50B". */
export type Decimal = string;
export interface Scenario {
  pre_money: Decimal;
  round_total: Decimal;
  amounts?: Record<string, Decimal>;
  deals?: Record<string, boolean>;
}
export interface Share { part: Decimal; whole: Decimal; }
export interface Holding {
  id: string; name: string;
  kind: "existing" | "investor" | "undisclosed" | "separate_deal";
  amount: Decimal; stake: Share; display_percent: Decimal;
  stake_range?: { low: Share; high: Share };
}
export interface Outcome {
  pre_money: Decimal;
  round: {
    chosen_total: Decimal; total: Decimal; held_at_disclosed: boolean;
    disclosed: Decimal; undisclosed: Decimal;
    tranches: { id: string; disclosed: Decimal; has_undisclosed: boolean }[];
  };
  separate_deals: Decimal; new_money: Decimal; post_money: Decimal;
  holdings: Holding[];
  dilution: Share; dilution_percent: Decimal;
  comparisons: { id: string; amount: Decimal; ratio: Share; words: string }[];
}
"#;

fn read_story(story: JsValue) -> Result<Story, JsError> {
    story_from_js(story).map_err(|error| JsError::new(&error))
}

/// The reader's choices, or the article's figures for `undefined`.
fn read_scenario(story: &Story, scenario: JsValue) -> Result<Scenario, JsError> {
    let scenario = scenario_from_js(scenario).map_err(|error| JsError::new(&error))?;
    Ok(scenario.unwrap_or_else(|| Scenario::article(story)))
}

/// Computes the outcome of a scenario for a story (both plain objects, e.g. from `JSON.parse`).
/// Without a scenario, the article's figures are used. Errors name the field that is wrong.
#[wasm_bindgen(unchecked_return_type = "Outcome")]
pub fn compute(story: JsValue, scenario: JsValue) -> Result<JsValue, JsError> {
    RoundStory::new(story)?.compute(scenario)
}

/// Formats an amount (`"50000000000"` or `"50B"`) for readers: `$50B`, or `$50 billion` when
/// `long` is true, in the currency given by its ISO 4217 code (`"EUR"`: `€1.3B`; US dollars
/// when left out), in the CLDR format of `locale` (`"de"`: `50 Mrd. $`; English when left
/// out). The browser's `Intl` writes it, from the exact digits.
#[wasm_bindgen(js_name = formatMoney)]
pub fn format_money_js(
    amount: &str,
    long: bool,
    currency: Option<String>,
    locale: Option<String>,
) -> Result<String, JsError> {
    let amount = parse_amount(amount).map_err(|error| JsError::new(&error.to_string()))?;
    let locale = Locale::chosen(locale.as_deref(), None).map_err(|error| JsError::new(&error))?;
    Ok(locale.money(
        amount,
        currency.as_deref().unwrap_or("USD"),
        if long { Style::Long } else { Style::Short },
    ))
}

/// A validated story, kept parsed so that each reader's change costs only a compute.
#[wasm_bindgen]
pub struct RoundStory {
    story: Story,
}

#[wasm_bindgen]
impl RoundStory {
    /// Reads and validates a story file given as a plain object; the error names the field.
    #[wasm_bindgen(constructor)]
    pub fn new(story: JsValue) -> Result<RoundStory, JsError> {
        Ok(RoundStory {
            story: read_story(story)?,
        })
    }

    /// The article's figures with the default assumption.
    #[wasm_bindgen(js_name = defaultScenario, unchecked_return_type = "Scenario")]
    pub fn default_scenario(&self) -> Result<JsValue, JsError> {
        to_js(&Scenario::article(&self.story))
    }

    /// The outcome of a scenario (`undefined` for the article's figures).
    #[wasm_bindgen(unchecked_return_type = "Outcome")]
    pub fn compute(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
    ) -> Result<JsValue, JsError> {
        let scenario = read_scenario(&self.story, scenario)?;
        let outcome = model::compute(&self.story, &scenario)
            .map_err(|error| JsError::new(&error.to_string()))?;
        to_js(&outcome)
    }

    /// A scenario with a preset applied: `"article"`, `"low_end"` or `"upper_end"`.
    #[wasm_bindgen(unchecked_return_type = "Scenario")]
    pub fn preset(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Scenario | undefined")] scenario: JsValue,
        preset: &str,
    ) -> Result<JsValue, JsError> {
        let scenario = read_scenario(&self.story, scenario)?;
        let preset = Preset::from_name(preset).ok_or_else(|| {
            JsError::new(&format!(
                "unknown preset \"{preset}\": use article, low_end or upper_end"
            ))
        })?;
        to_js(&scenario.with_preset(&self.story, preset))
    }

    /// The scenario as a URL fragment without `#`; empty for the article's figures.
    #[wasm_bindgen(js_name = toFragment)]
    pub fn to_fragment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    ) -> Result<String, JsError> {
        Ok(to_fragment(
            &self.story,
            &read_scenario(&self.story, scenario)?,
        ))
    }

    /// The scenario a URL fragment describes; never fails (bad parts are skipped).
    #[wasm_bindgen(js_name = fromFragment, unchecked_return_type = "Scenario")]
    pub fn from_fragment(&self, fragment: &str) -> Result<JsValue, JsError> {
        to_js(&from_fragment(&self.story, fragment))
    }
}

#[wasm_bindgen]
impl Explainer {
    /// The reader's current choices.
    #[wasm_bindgen(unchecked_return_type = "Scenario")]
    pub fn scenario(&self) -> Result<JsValue, JsError> {
        to_js(&self.mounted()?.scenario().map_err(JsError::new)?)
    }

    /// What the current choices mean.
    #[wasm_bindgen(unchecked_return_type = "Outcome")]
    pub fn outcome(&self) -> Result<JsValue, JsError> {
        to_js(&self.mounted()?.outcome().map_err(JsError::new)?)
    }

    /// Sets the choices (brought inside their ranges) and redraws.
    #[wasm_bindgen(js_name = setScenario)]
    pub fn set_scenario(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    ) -> Result<(), JsError> {
        let view = self.mounted()?;
        let scenario = match scenario_from_js(scenario).map_err(|error| JsError::new(&error))? {
            Some(scenario) => scenario,
            None => view.article_scenario().map_err(JsError::new)?,
        };
        view.set_scenario(scenario).map_err(JsError::new)
    }
}
