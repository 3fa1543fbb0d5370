//! The explainer as an image (native only): a share card of 1200 × 630 pixels for `og:image`
//! and social posts, or a taller print version, as SVG or PNG.
//!
//! An image is drawn from the explainer's own description ([`crate::view::explainer`]): its
//! tiles, bars, legends, tranches and sources, with the short texts it shows and, beside every
//! figure, the kind its note gives it (reported, derived, assumption, reader's choice). The
//! layout is an SVG description ([`VNode`]) written by the one serialiser
//! ([`crate::view::html::to_html`]), and drawn as a PNG by resvg with the font this crate ships
//! ([`font`], DejaVu Sans): no system font is ever used, so a PNG is the same on any machine.
//!
//! Its alt text is the scenario in one sentence ([`crate::view::summary::sentence`], what the
//! live region says), held in the SVG as `<title>` and `aria-label`.

mod draw;
pub mod font;
mod kind;
mod read;
mod theme;

use std::fmt;
use std::sync::Arc;

use resvg::{tiny_skia, usvg};

pub use draw::{Layout, CARD_HEIGHT, MAX_PRINT_HEIGHT, WIDTH};
use read::Content;

use crate::locale::Locale;
use crate::model::{compute, ComputeError, Scenario, Story};
use crate::view::html::to_html;
use crate::view::summary::sentence;
use crate::view::VNode;

/// Why an image could not be made.
#[derive(Debug)]
pub enum ImageError {
    /// The scenario's figures cannot be computed.
    Compute(ComputeError),
    /// The SVG could not be read back (a fault of this module, never of a story).
    Svg(String),
    /// No canvas of this size can be had.
    Canvas {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
    },
    /// The PNG could not be encoded.
    Png(String),
    /// The story's locale cannot be spoken (a story that passed validation always can).
    Locale(String),
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageError::Compute(error) => write!(f, "the figures cannot be computed: {error}"),
            ImageError::Svg(reason) => write!(f, "the image's SVG cannot be read: {reason}"),
            ImageError::Canvas { width, height } => {
                write!(f, "no canvas of {width} × {height} pixels can be made")
            }
            ImageError::Png(reason) => write!(f, "the PNG cannot be encoded: {reason}"),
            ImageError::Locale(reason) => f.write_str(reason),
        }
    }
}

impl std::error::Error for ImageError {}

impl From<ComputeError> for ImageError {
    fn from(error: ComputeError) -> ImageError {
        ImageError::Compute(error)
    }
}

/// An image of a scenario, described.
#[derive(Debug, Clone)]
pub struct Image {
    /// The root `<svg>` element.
    pub svg: VNode,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// Its alt text: the scenario in one sentence ([`sentence`]), on one line (a story's tab or
    /// line end becomes a space, a control character that XML cannot hold U+FFFD).
    pub alt: String,
}

impl Image {
    /// The image of a story's scenario, as a card or for print.
    pub fn draw(story: &Story, scenario: &Scenario, layout: Layout) -> Result<Image, ImageError> {
        let outcome = compute(story, scenario)?;
        let locale = Locale::chosen(None, story.locale.as_deref()).map_err(ImageError::Locale)?;
        let alt = draw::clean(&sentence(story, scenario, &outcome, &locale));
        let content = Content::read(story, scenario, &outcome, locale);
        let (svg, height) = draw::draw(layout, story, &content, &alt);
        Ok(Image {
            svg,
            width: WIDTH,
            height,
            alt,
        })
    }

    /// The SVG file's text.
    pub fn to_svg(&self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n",
            to_html(&self.svg)
        )
    }

    /// The PNG file's bytes.
    pub fn to_png(&self) -> Result<Vec<u8>, ImageError> {
        png(&self.to_svg())
    }
}

/// The renderer's options: the shipped font only, and it as the default family.
fn options() -> usvg::Options<'static> {
    let mut fonts = usvg::fontdb::Database::new();
    for face in [font::regular(), font::bold()] {
        fonts.load_font_source(usvg::fontdb::Source::Binary(Arc::new(face)));
    }
    usvg::Options {
        font_family: font::FAMILY.to_owned(),
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    }
}

/// Reads an SVG as the renderer does (with the shipped font only).
pub fn parse(svg: &str) -> Result<usvg::Tree, ImageError> {
    usvg::Tree::from_str(svg, &options()).map_err(|error| ImageError::Svg(error.to_string()))
}

/// Draws an SVG as a PNG of its own size.
pub fn png(svg: &str) -> Result<Vec<u8>, ImageError> {
    let tree = parse(svg)?;
    let size = tree.size().to_int_size();
    let (width, height) = (size.width(), size.height());
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(ImageError::Canvas { width, height })?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|error| ImageError::Png(error.to_string()))
}
