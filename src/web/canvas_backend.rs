//! A plotters `DrawingBackend` on a 2D canvas context. It replaces plotters-canvas, which
//! formats every colour and font size through `f64` Display (pulling ~18 KB of float
//! formatting into the `.wasm`), never sets the text direction and ignores devicePixelRatio;
//! here colours are `#rrggbb` plus `globalAlpha`, the context is kept left-to-right, and the
//! chart code scales by devicePixelRatio itself.

use crate::decimal::fixed;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use std::convert::Infallible;
use web_sys::CanvasRenderingContext2d;

pub struct Canvas2d {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    /// The font last set: setting `ctx.font` parses it and, in a document whose style is not
    /// up to date, recalculates style first, so it is set only when it changes. A cell, as
    /// measuring (`&self` in the trait) sets fonts too.
    font: std::cell::RefCell<String>,
    /// The other context state last set, for the same reason (each setter parses a string).
    last: Last,
    /// Widths already measured (font and text → px), kept across draws by the caller.
    widths: Option<Widths>,
}

/// Measured text widths, by font and text: a replay frame draws the same labels as the last
/// one, and `measureText` (with the string it takes across from WebAssembly) was the largest
/// part of a frame's chart; a live update draws mostly the same names. Bounded (chart.rs);
/// the element clears it when the chart's font or scale changes or a web font finishes loading.
pub type Widths = std::rc::Rc<std::cell::RefCell<crate::chart::WidthCache>>;

impl Canvas2d {
    /// Draws into `ctx`, whose backing store is `size` device pixels.
    pub fn new(ctx: CanvasRenderingContext2d, size: (u32, u32), widths: Option<Widths>) -> Self {
        Canvas2d {
            ctx,
            size,
            font: Default::default(),
            last: Last::default(),
            widths,
        }
    }

    /// The CSS font of `style`.
    fn font_of<T: BackendTextStyle>(style: &T) -> String {
        let weight = match style.style() {
            FontStyle::Bold => "bold ",
            _ => "",
        };
        format!(
            "{weight}{}px {}",
            fixed(style.size(), 2),
            style.family().as_str()
        )
    }

    fn measure(&self, text: &str) -> u32 {
        self.ctx
            .measure_text(text)
            .map_or(0.0, |m| m.width())
            .ceil() as u32
    }

    /// Sets the context's font (only when it changes: setting it parses it).
    fn set_font(&self, font: &str) {
        let mut last = self.font.borrow_mut();
        if font != *last {
            self.ctx.set_font(font);
            *last = font.to_string();
        }
    }

    /// `c` as `#rrggbb`, its alpha set on the context (when it changed).
    fn paint(&mut self, c: BackendColor) -> String {
        if c.alpha != self.last.alpha {
            self.ctx.set_global_alpha(c.alpha);
            self.last.alpha = c.alpha;
        }
        let (r, g, b) = c.rgb;
        let mut out = String::from("#");
        for c in [r, g, b] {
            crate::decimal::push_hex(&mut out, u32::from(c), 2, false);
        }
        out
    }

    /// Sets the fill style (when it changed).
    fn fill_with(&mut self, paint: String) {
        if paint != self.last.fill {
            self.ctx.set_fill_style_str(&paint);
            self.last.fill = paint;
        }
    }
}

/// Context state last set by this backend (see `Canvas2d::last`). A new backend (one per
/// draw) starts from nothing known, so its first draw sets everything.
struct Last {
    fill: String,
    alpha: f64,
    align: &'static str,
    baseline: &'static str,
}

impl Default for Last {
    fn default() -> Self {
        Last {
            fill: String::new(),
            alpha: f64::NAN, // never equal: the first alpha is set
            align: "",
            baseline: "",
        }
    }
}

type Result = std::result::Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for Canvas2d {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        self.ctx.set_global_alpha(1.0);
        self.last.alpha = 1.0;
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result {
        let fill = self.paint(c);
        self.fill_with(fill);
        self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        let paint = self.paint(style.color());
        let (x, y) = (f64::from(ul.0), f64::from(ul.1));
        let (w, h) = (f64::from(br.0 - ul.0), f64::from(br.1 - ul.1));
        if fill {
            self.fill_with(paint);
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.ctx.set_stroke_style_str(&paint);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        let paint = self.paint(style.color());
        self.ctx.set_stroke_style_str(&paint);
        self.ctx.set_line_width(f64::from(style.stroke_width()));
        self.ctx.set_line_join("round");
        self.ctx.set_line_cap("round");
        self.ctx.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(f64::from(x), f64::from(y));
            } else {
                self.ctx.line_to(f64::from(x), f64::from(y));
            }
        }
        self.ctx.stroke();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        let paint = self.paint(style.color());
        self.ctx.begin_path();
        let arc = self.ctx.arc(
            f64::from(center.0),
            f64::from(center.1),
            f64::from(radius),
            0.0,
            std::f64::consts::TAU,
        );
        super::error::warn_on_error(arc);
        if fill {
            self.fill_with(paint);
            self.ctx.fill();
        } else {
            self.ctx.set_stroke_style_str(&paint);
            self.ctx.stroke();
        }
        Ok(())
    }

    /// Measured by the browser with the fonts it will draw with (Arabic shaped, emoji wide).
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let font = Self::font_of(style);
        let height = style.size().ceil() as u32;
        let Some(widths) = &self.widths else {
            self.set_font(&font);
            return Ok((self.measure(text), height));
        };
        // Looked up before the font is set: a known width costs no context call at all.
        let key = format!("{font}\u{0}{text}");
        if let Some(w) = widths.borrow_mut().get(&key) {
            return Ok((w, height));
        }
        self.set_font(&font);
        let w = self.measure(text);
        widths.borrow_mut().put(key, w);
        Ok((w, height))
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result {
        let paint = self.paint(style.color());
        self.fill_with(paint);
        self.set_font(&Self::font_of(style));
        let align = match style.anchor().h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        };
        if align != self.last.align {
            self.ctx.set_text_align(align);
            self.last.align = align;
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if baseline != self.last.baseline {
            self.ctx.set_text_baseline(baseline);
            self.last.baseline = baseline;
        }
        super::error::warn_on_error(self.ctx.fill_text(text, f64::from(pos.0), f64::from(pos.1)));
        Ok(())
    }
}
