//! The images laid out as SVG descriptions ([`VNode`]s): the share card, 1200 × 630 pixels, and
//! the print version, 1200 pixels wide and as tall as its content. Text is wrapped to the
//! font's measured widths ([`font`]) and cut with "…" where a card has no room, so nothing
//! runs off the image.

use super::font::{self, one_line, wrap};
use super::kind::Kind;
use super::read::{Bar, Content, Entry, Piece, Tile, IDS};
use super::theme::{self, ACCENT, INK, LINE, MUTED, PANEL, PAPER};
use crate::locale::{fill, Locale};
use crate::model::export::Basis;
use crate::model::Story;
use crate::view::figures::isolate;
use crate::view::VNode;

/// Both images' width in pixels.
pub const WIDTH: u32 = 1200;
/// The card's height: 1.91:1, what social sites show for a link.
pub const CARD_HEIGHT: u32 = 630;
/// The print version's greatest height; past it, the rest of the sentences are counted, not
/// quoted (the largest story quotes 300 sentences of 2,000 characters).
pub const MAX_PRINT_HEIGHT: u32 = 16_000;

const MARGIN: f32 = 48.0;
const INNER: f32 = WIDTH as f32 - 2.0 * MARGIN;
const STRIPE: f32 = 8.0;
const TILE_GAP: f32 = 16.0;
const TILE_PAD: f32 = 16.0;
const BAR_HEIGHT: f32 = 34.0;
/// Where a bar starts, after its row label ("After", "Después"): at least this far in.
const ROW_LABEL: f32 = 84.0;

/// Where the bars start: after the widest of their row labels in `style` (a language's
/// "Nachher" is wider than "After"), at least [`ROW_LABEL`], at most a quarter of the width.
fn row_label(bars: &[Bar], style: Style) -> f32 {
    bars.iter()
        .map(|bar| style.width(&bar.caption) + 12.0)
        .fold(ROW_LABEL, f32::max)
        .min(INNER / 4.0)
}
/// The most legend entries of one bar the print version lists.
const MAX_PRINT_ENTRIES: usize = 40;
/// The most lines of one tranche in the print version.
const MAX_TRANCHE_LINES: usize = 6;
/// The most lines of one quoted sentence in the print version (2,000 characters take 20).
const MAX_QUOTE_LINES: usize = 24;

/// Which image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The share card (`og:image`, social posts).
    Card,
    /// The taller print version, with the tranches and the quoted sentences.
    Print,
}

/// The elements of an image, drawn top to bottom.
struct Sheet {
    nodes: Vec<VNode>,
}

/// A length as an SVG number: at most one decimal.
fn px(value: f32) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// Text as the image may hold it, on one line: tabs and line ends become spaces (as HTML
/// shows them), and the other C0 controls, which XML 1.0 does not allow, U+FFFD, so that the
/// SVG always parses.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c < ' ' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// A style of text: size in pixels, weight, colour, line height.
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    bold: bool,
    fill: &'static str,
    line: f32,
}

const fn style(size: f32, bold: bool, fill: &'static str, line: f32) -> Style {
    Style {
        size,
        bold,
        fill,
        line,
    }
}

impl Style {
    fn wrap(&self, text: &str, width: f32, max_lines: usize) -> Vec<String> {
        wrap(text, self.size, self.bold, width, max_lines)
    }

    fn one_line(&self, text: &str, width: f32) -> String {
        one_line(text, self.size, self.bold, width)
    }

    fn width(&self, text: &str) -> f32 {
        font::width(text, self.size, self.bold)
    }
}

impl Sheet {
    /// One line of text whose line box starts at `top`.
    fn text(&mut self, x: f32, top: f32, style: Style, text: &str) {
        // The baseline, so that the line's capitals sit in the middle of its box.
        let baseline = top + style.line / 2.0 + style.size * 0.36;
        let mut node = VNode::svg(
            "text",
            &[
                ("x", &px(x)),
                ("y", &px(baseline)),
                ("font-size", &px(style.size)),
                ("fill", style.fill),
            ],
        );
        if style.bold {
            node.set("font-weight", "700");
        }
        self.nodes.push(node.with_text(&clean(text)));
    }

    /// Lines of text from `top`; their height.
    fn lines(&mut self, x: f32, top: f32, style: Style, lines: &[String]) -> f32 {
        for (index, line) in lines.iter().enumerate() {
            self.text(x, top + style.line * index as f32, style, line);
        }
        style.line * lines.len() as f32
    }

    fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: &str) -> &mut VNode {
        self.nodes.push(VNode::svg(
            "rect",
            &[
                ("x", &px(x)),
                ("y", &px(y)),
                ("width", &px(width)),
                ("height", &px(height)),
                ("fill", fill),
            ],
        ));
        self.nodes
            .last_mut()
            .unwrap_or_else(|| unreachable!("just pushed"))
    }
}

const TITLE: Style = style(40.0, true, INK, 48.0);
const TITLE_SMALL: Style = style(34.0, true, INK, 41.0);
const PRINT_TITLE: Style = style(36.0, true, INK, 44.0);
const STATUS: Style = style(18.0, false, MUTED, 26.0);
const HEADING: Style = style(21.0, true, INK, 30.0);
const TILE_LABEL: Style = style(17.0, false, MUTED, 22.0);
const TILE_KIND: Style = style(16.0, true, ACCENT, 22.0);
const TILE_UNDER: Style = style(16.0, false, MUTED, 21.0);
const BODY: Style = style(17.0, false, INK, 25.0);
const BODY_MUTED: Style = style(17.0, false, MUTED, 25.0);
const BODY_BOLD: Style = style(17.0, true, INK, 25.0);
const FOOT: Style = style(16.0, false, MUTED, 22.0);

/// The image for a story's content: its elements and height.
pub fn draw(layout: Layout, story: &Story, content: &Content, alt: &str) -> (VNode, u32) {
    let mut sheet = Sheet { nodes: Vec::new() };
    let height = match layout {
        Layout::Card => {
            card(&mut sheet, story, content);
            CARD_HEIGHT
        }
        Layout::Print => print(&mut sheet, story, content),
    };
    (frame(sheet, content, alt, height), height)
}

/// The root `<svg>`: its size, its alt text (`<title>`, `aria-label`), the font, the hatch
/// pattern, the paper and the accent stripe, then the drawing.
fn frame(sheet: Sheet, content: &Content, alt: &str, pixels: u32) -> VNode {
    let (width, height) = (WIDTH.to_string(), pixels.to_string());
    let view_box = format!("0 0 {width} {height}");
    let mut defs = VNode::svg("defs", &[]);
    if let Some(pattern) = &content.pattern {
        // The view's pattern, its classes' colours written in (an image has no stylesheet).
        let rects = pattern
            .children()
            .iter()
            .cloned()
            .map(|mut rect| {
                if let Some(fill) = rect.get("class").and_then(theme::fill) {
                    rect.set("fill", fill);
                }
                rect
            })
            .collect();
        defs.push(pattern.clone().replace_children(rects));
    }
    let mut background = Sheet { nodes: Vec::new() };
    background.rect(0.0, 0.0, WIDTH as f32, pixels as f32, PAPER);
    background.rect(0.0, 0.0, WIDTH as f32, STRIPE, ACCENT);
    VNode::svg(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", &width),
            ("height", &height),
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-label", alt),
            ("font-family", font::FAMILY),
        ],
    )
    .with([VNode::svg("title", &[]).with_text(alt), defs])
    .with(background.nodes)
    .with(sheet.nodes)
}

/// "Source: publisher, “headline”, date", or the company and the story's title when the story
/// does not name its article.
pub fn source_line(story: &Story, locale: &Locale) -> String {
    let article = &story.article;
    let parts: Vec<String> = match (&article.publisher, &article.headline) {
        (None, None) => vec![isolate(&story.company), isolate(&story.title)],
        (publisher, headline) => [
            publisher.as_deref().map(isolate),
            headline.as_deref().map(|h| format!("“{}”", isolate(h))),
            article.date.clone(),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    fill(
        locale.messages().image_source,
        &[("source", &parts.join(", "))],
    )
}

/// The title and the status line; the height they take from `top`.
fn header(sheet: &mut Sheet, content: &Content, top: f32, title: &[String], style: Style) -> f32 {
    let mut y = top;
    y += sheet.lines(MARGIN, y, style, title);
    y += 4.0;
    sheet.text(MARGIN, y, STATUS, &STATUS.one_line(&content.status, INNER));
    y += STATUS.line;
    y - top
}

/// The card: title (up to three lines), status, headline tiles, ownership after the deal, the
/// source.
fn card(sheet: &mut Sheet, story: &Story, content: &Content) {
    let mut title_style = TITLE;
    let mut title = TITLE.wrap(&content.title, INNER, 3);
    if title.len() > 2 {
        title_style = TITLE_SMALL;
        title = TITLE_SMALL.wrap(&content.title, INNER, 3);
    }
    let mut y = STRIPE + 32.0;
    y += header(sheet, content, y, &title, title_style);
    y += 16.0;
    // Three lines under a figure: a sum in German or Spanish ("500 Mrd. $ vorher (angenommen)
    // + 100 Mrd. $ neu") needs them, and the legend below takes the rows that are left.
    y += tiles(sheet, &content.tiles, y, 3);
    y += 20.0;
    let footer_top = CARD_HEIGHT as f32 - 40.0 - FOOT.line;
    if let Some(after) = content.ownership.last() {
        sheet.lines(
            MARGIN,
            y,
            HEADING,
            &[HEADING.one_line(&content.ownership_title, INNER)],
        );
        y += HEADING.line + 2.0;
        let row = row_label(std::slice::from_ref(after), STATUS);
        let label = STATUS.one_line(&after.caption, row - 8.0);
        sheet.text(MARGIN, y + (BAR_HEIGHT - STATUS.line) / 2.0, STATUS, &label);
        bar(sheet, after, MARGIN + row, y, INNER - row);
        y += BAR_HEIGHT + 10.0;
        let rows = ((footer_top - 16.0 - y) / BODY.line).floor().max(1.0) as usize;
        legend_rows(sheet, &after.legend, y, rows, &content.locale);
    }
    sheet.nodes.push(rule(footer_top - 10.0));
    let source = FOOT.one_line(&source_line(story, &content.locale), INNER);
    sheet.lines(MARGIN, footer_top, FOOT, &[source]);
}

/// The print version: the whole title, the tiles, the round by tranche, ownership before and
/// after, and the article's sentences quoted; its height.
fn print(sheet: &mut Sheet, story: &Story, content: &Content) -> u32 {
    let max = MAX_PRINT_HEIGHT as f32;
    let title = PRINT_TITLE.wrap(&content.title, INNER, 10);
    let mut y = STRIPE + 32.0;
    y += header(sheet, content, y, &title, PRINT_TITLE);
    y += 16.0;
    y += tiles(sheet, &content.tiles, y, 4);
    y += 28.0;

    y += section_heading(sheet, &content.round_title, y);
    for round in &content.round {
        // New money is a sum: the round and the separate deals that are on.
        let caption = Kind::after(
            Some(Kind::new(Basis::Derived, &content.locale)),
            &round.caption,
        );
        y += sheet.lines(MARGIN, y, BODY_MUTED, &BODY_MUTED.wrap(&caption, INNER, 2));
        bar(sheet, round, MARGIN, y + 4.0, INNER);
        y += BAR_HEIGHT + 12.0;
        y += legend_list(sheet, &round.legend, y, &content.locale);
    }
    if !content.tranches.is_empty() {
        y += 8.0;
        sheet.text(MARGIN, y, BODY_MUTED, &content.tranches_title);
        y += BODY_MUTED.line;
        for (index, tranche) in content.tranches.iter().enumerate() {
            let text = words(tranche, content);
            let number = format!("{}.", index + 1);
            sheet.text(MARGIN, y, BODY, &number);
            let lines = BODY.wrap(&text, INNER - 34.0, MAX_TRANCHE_LINES);
            y += sheet.lines(MARGIN + 34.0, y, BODY, &lines) + 4.0;
        }
    }
    y += 24.0;

    y += section_heading(sheet, &content.ownership_title, y);
    let row = row_label(&content.ownership, BODY_MUTED);
    for bar_of in &content.ownership {
        let label = BODY_MUTED.one_line(&bar_of.caption, row - 8.0);
        sheet.text(
            MARGIN,
            y + (BAR_HEIGHT - BODY.line) / 2.0,
            BODY_MUTED,
            &label,
        );
        bar(sheet, bar_of, MARGIN + row, y, INNER - row);
        y += BAR_HEIGHT + 12.0;
        y += legend_list(sheet, &bar_of.legend, y, &content.locale);
        y += 8.0;
    }
    y += 16.0;

    if !content.sources.is_empty() {
        y += section_heading(sheet, &content.sources_title, y);
        // Room kept at the end for the line that counts what is left out, and the source.
        let last = max - MARGIN - FOOT.line - 2.0 * BODY.line;
        for (index, quote) in content.sources.iter().enumerate() {
            let lines = BODY.wrap(&format!("“{}”", quote.quote), INNER - 34.0, MAX_QUOTE_LINES);
            let from = quote.from.iter().count() as f32;
            let needed = BODY.line * (lines.len() as f32 + from) + 8.0;
            if y + needed > last {
                let left = content.sources.len() - index;
                let count = content.locale.number(left.into());
                let more = fill(
                    content.locale.messages().image_more_sentences,
                    &[("count", &count)],
                );
                y += sheet.lines(MARGIN, y, BODY_MUTED, &BODY_MUTED.wrap(&more, INNER, 2));
                break;
            }
            sheet.text(MARGIN, y, BODY_MUTED, &format!("{}.", index + 1));
            y += sheet.lines(MARGIN + 34.0, y, BODY, &lines);
            if let Some(from) = &quote.from {
                let from = BODY_MUTED.one_line(from, INNER - 34.0);
                y += sheet.lines(MARGIN + 34.0, y, BODY_MUTED, &[from]);
            }
            y += 8.0;
        }
    }
    y += 12.0;
    sheet.nodes.push(rule(y));
    y += 12.0;
    let source = FOOT.wrap(&source_line(story, &content.locale), INNER, 3);
    y += sheet.lines(MARGIN, y, FOOT, &source);
    (y + MARGIN).min(max).ceil() as u32
}

/// A thin line across the image at `y`.
fn rule(y: f32) -> VNode {
    VNode::svg(
        "rect",
        &[
            ("x", &px(MARGIN)),
            ("y", &px(y)),
            ("width", &px(INNER)),
            ("height", "1"),
            ("fill", LINE),
        ],
    )
}

fn section_heading(sheet: &mut Sheet, title: &str, top: f32) -> f32 {
    sheet.lines(MARGIN, top, HEADING, &HEADING.wrap(title, INNER, 2)) + 4.0
}

/// A tranche's pieces as one line of words: each figure with its kind, and its "source"
/// button as the number of the quoted sentence below ("[5]").
fn words(pieces: &[Piece], content: &Content) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Words(words) => out.push_str(words),
            Piece::Source(id) => {
                if let Some(number) = content.source_number(id) {
                    out.push_str(&format!("[{number}]"));
                }
            }
            Piece::Figure { text, kind, .. } => out.push_str(&Kind::after(*kind, text)),
        }
    }
    out
}

/// The headline tiles side by side from `top`, the lines under them cut at `under_lines`;
/// their height.
fn tiles(sheet: &mut Sheet, tiles: &[Tile], top: f32, under_lines: usize) -> f32 {
    if tiles.is_empty() {
        return 0.0;
    }
    let count = tiles.len() as f32;
    let width = (INNER - TILE_GAP * (count - 1.0)) / count;
    let inside = width - 2.0 * TILE_PAD;
    let labels: Vec<Vec<String>> = tiles
        .iter()
        .map(|tile| TILE_LABEL.wrap(&tile.label, inside, 2))
        .collect();
    let unders: Vec<Vec<String>> = tiles
        .iter()
        .map(|tile| {
            let under = Kind::after(tile.under_kind, &tile.under);
            TILE_UNDER.wrap(&under, inside, under_lines)
        })
        .collect();
    let label_lines = labels.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let under_lines = unders.iter().map(Vec::len).max().unwrap_or(0) as f32;
    let value_line = 54.0;
    let height = 2.0 * TILE_PAD
        + TILE_LABEL.line * label_lines
        + value_line
        + TILE_KIND.line
        + 4.0
        + TILE_UNDER.line * under_lines;
    for (index, tile) in tiles.iter().enumerate() {
        let x = MARGIN + index as f32 * (width + TILE_GAP);
        sheet.rect(x, top, width, height, PANEL).set("rx", "8");
        let mut y = top + TILE_PAD;
        sheet.lines(x + TILE_PAD, y, TILE_LABEL, &labels[index]);
        y += TILE_LABEL.line * label_lines;
        // The figure as large as fits: 46 px, smaller for a long one ("CHF 1,250.5B").
        let mut size = 46.0;
        while size > 24.0 && font::width(&tile.value, size, true) > inside {
            size -= 2.0;
        }
        let value = style(size, true, INK, value_line);
        sheet.lines(
            x + TILE_PAD,
            y,
            value,
            &[value.one_line(&tile.value, inside)],
        );
        y += value_line;
        if let Some(kind) = tile.kind {
            sheet.lines(x + TILE_PAD, y, TILE_KIND, &[kind.word().to_owned()]);
        }
        y += TILE_KIND.line + 4.0;
        sheet.lines(x + TILE_PAD, y, TILE_UNDER, &unders[index]);
    }
    height
}

/// A bar's segments, scaled from the view's units to `width` pixels at `x`.
fn bar(sheet: &mut Sheet, bar: &Bar, x: f32, top: f32, width: f32) {
    let scale = width / bar.units.max(1.0);
    for segment in &bar.segments {
        let fill = segment
            .fill
            .clone()
            .or_else(|| theme::fill(&segment.class).map(str::to_owned))
            .unwrap_or_else(|| INK.to_owned());
        let width = segment.width * scale;
        let rect = sheet.rect(x + segment.x * scale, top, width, BAR_HEIGHT, &fill);
        rect.set("class", &segment.class);
        // The gaps between segments, as the stylesheet draws them (`.rx-bar rect`), but not
        // around slivers, which the gaps would cover (a hundred investors of 0.15% each).
        if width > 4.0 {
            rect.set("stroke", PAPER);
            rect.set("stroke-width", "1.5");
        }
    }
}

/// A legend entry's swatch: the holding's colour, its class's, or the hatch.
fn swatch(sheet: &mut Sheet, x: f32, top: f32, line: f32, entry: &Entry) {
    let size = 16.0;
    let fill = match (&entry.fill, theme::fill(&entry.class)) {
        (Some(fill), _) => fill.clone(),
        (None, Some(fill)) => fill.to_owned(),
        (None, None) => format!("url(#{IDS}-hatch)"),
    };
    let rect = sheet.rect(x, top + (line - size) / 2.0, size, size, &fill);
    rect.set("rx", "3");
    rect.set("stroke", MUTED);
    rect.set("stroke-width", "0.5");
}

/// An entry's figures: "8.33% (derived)", "reported: about 13%".
fn figures(entry: &Entry) -> String {
    entry
        .figures
        .iter()
        .map(|(text, kind)| Kind::after(*kind, text))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The legend in rows across the card, at most `rows` of them; entries that do not fit are
/// counted at the end ("+ 3 more").
fn legend_rows(sheet: &mut Sheet, legend: &[Entry], top: f32, rows: usize, locale: &Locale) {
    let more_of = |count: usize| {
        fill(
            locale.messages().legend_more,
            &[("count", &locale.number(count.into()))],
        )
    };
    let right = MARGIN + INNER;
    let gap = 28.0;
    let (mut x, mut row) = (MARGIN, 0);
    for (index, entry) in legend.iter().enumerate() {
        let label = BODY.one_line(&entry.label, INNER * 0.45);
        let value = figures(entry);
        let width = 24.0 + BODY.width(&label) + 8.0 + BODY_BOLD.width(&value);
        let left = legend.len() - index;
        let more = more_of(left);
        let last_row = row + 1 == rows;
        // On the last row, room is kept for "+ N more" unless this is the last entry.
        let reserve = if last_row && left > 1 {
            gap + BODY_MUTED.width(&more_of(left - 1))
        } else {
            0.0
        };
        if x > MARGIN && x + width + reserve > right {
            if last_row {
                let y = top + BODY.line * row as f32;
                sheet.text(x, y, BODY_MUTED, &more);
                return;
            }
            row += 1;
            x = MARGIN;
        }
        let y = top + BODY.line * row as f32;
        swatch(sheet, x, y, BODY.line, entry);
        sheet.text(x + 24.0, y, BODY, &label);
        let value_x = x + 24.0 + BODY.width(&label) + 8.0;
        sheet.text(
            value_x,
            y,
            BODY_BOLD,
            &BODY_BOLD.one_line(&value, right - value_x),
        );
        x += width + gap;
    }
}

/// The legend as a list, an entry a line (a long name on two), at most
/// [`MAX_PRINT_ENTRIES`]; its height.
fn legend_list(sheet: &mut Sheet, legend: &[Entry], top: f32, locale: &Locale) -> f32 {
    // Figures in a column just right of the longest label, which may take 60% of the width.
    let longest = legend
        .iter()
        .map(|entry| BODY.width(&entry.label))
        .fold(0.0, f32::max);
    let label_width = longest.min(INNER * 0.6);
    let value_x = MARGIN + 24.0 + label_width + 24.0;
    let mut y = top;
    for entry in legend.iter().take(MAX_PRINT_ENTRIES) {
        swatch(sheet, MARGIN, y, BODY.line, entry);
        let label = BODY.wrap(&entry.label, label_width, 2);
        let value = BODY_BOLD.wrap(&figures(entry), MARGIN + INNER - value_x, 2);
        sheet.lines(MARGIN + 24.0, y, BODY, &label);
        sheet.lines(value_x, y, BODY_BOLD, &value);
        y += BODY.line * label.len().max(value.len()) as f32 + 2.0;
    }
    if legend.len() > MAX_PRINT_ENTRIES {
        let count = locale.number((legend.len() - MAX_PRINT_ENTRIES).into());
        let more = fill(locale.messages().image_more, &[("count", &count)]);
        y += sheet.lines(MARGIN + 24.0, y, BODY_MUTED, &[more]);
    }
    y - top + 4.0
}
