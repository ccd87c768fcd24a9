//! A plotters backend that writes a *responsive* SVG: horizontal positions in percent of the
//! board's width, vertical ones and font sizes in CSS pixels. The static chart then fits any
//! column from 320 px up with text at its real size, and has the same height as the live
//! canvas at every width, so hydration does not move the page. (plotters' own SVGBackend
//! scales a fixed viewBox instead, which shrinks 14 px labels to 7 px on a phone.)

use crate::decimal::fixed;
use crate::html::{attr, text};
use plotters_backend::text_anchor::HPos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use std::convert::Infallible;
use std::fmt::Write;

/// Draws into a string; `width` is the nominal width that maps to 100%.
pub struct ResponsiveSvg<'a> {
    out: &'a mut String,
    width: u32,
    height: u32,
    /// The SVG's root is `direction="rtl"` (the share card): text anchors flip there, so
    /// "left" and "right" anchors are written the other way round.
    rtl_root: bool,
}

impl<'a> ResponsiveSvg<'a> {
    pub fn new(out: &'a mut String, width: u32, height: u32) -> Self {
        ResponsiveSvg {
            out,
            width,
            height,
            rtl_root: false,
        }
    }

    /// For a root whose `direction` is `rtl`.
    pub fn right_to_left(mut self, rtl: bool) -> Self {
        self.rtl_root = rtl;
        self
    }

    /// The `<svg>` element around what was drawn.
    pub fn wrap(body: &str, height: u32) -> String {
        format!(
            "<svg class=\"gl-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"{height}\" direction=\"ltr\" aria-hidden=\"true\" focusable=\"false\">\n{body}</svg>\n"
        )
    }

    fn pct(&self, x: i32) -> String {
        let p = f64::from(x) * 100.0 / f64::from(self.width.max(1));
        format!("{}%", fixed(p, 3))
    }

    /// Opens a stretched inner SVG so polylines can use pixel coordinates horizontally too;
    /// `non-scaling-stroke` keeps their width.
    fn stretched(&mut self, inner: &str) {
        let _ = writeln!(
            self.out,
            "<svg width=\"100%\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"none\">{inner}</svg>",
            w = self.width,
            h = self.height
        );
    }
}

fn color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

fn opacity(c: BackendColor) -> String {
    if c.alpha >= 1.0 {
        String::new()
    } else {
        format!(" opacity=\"{}\"", fixed(c.alpha, 3))
    }
}

impl DrawingBackend for ResponsiveSvg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_rect(p, (p.0 + 1, p.1 + 1), &c, true)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let c = style.color();
        let paint = if fill {
            format!("fill=\"{}\"", color(c))
        } else {
            format!("fill=\"none\" stroke=\"{}\"", color(c))
        };
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {paint}{}/>",
            self.pct(ul.0),
            ul.1,
            self.pct(br.0 - ul.0),
            br.1 - ul.1,
            opacity(c)
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let points = path.into_iter().fold(String::new(), |mut s, (x, y)| {
            let _ = write!(s, "{x},{y} ");
            s
        });
        let c = style.color();
        let line = format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" stroke-linecap=\"round\" vector-effect=\"non-scaling-stroke\"{}/>",
            points.trim_end(),
            color(c),
            style.stroke_width(),
            opacity(c)
        );
        self.stretched(&line);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        _fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        // A zero-length round-capped line stays a circle when the inner SVG is stretched.
        let c = style.color();
        let (x, y) = center;
        let dot = format!(
            "<polyline points=\"{x},{y} {x},{y}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"round\" vector-effect=\"non-scaling-stroke\"{}/>",
            color(c),
            radius * 2,
            opacity(c)
        );
        self.stretched(&dot);
        Ok(())
    }

    /// No font is known when the static SVG is written: the width is estimated, erring wide
    /// (see `chart::estimate_em`), so labels cut to fit stay clear of the values.
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let bold = if matches!(style.style(), FontStyle::Bold) {
            1.08
        } else {
            1.0
        };
        let w = crate::chart::estimate_em(text) * style.size() * bold;
        Ok((w.ceil() as u32, style.size().ceil() as u32))
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        s: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let anchor = match (style.anchor().h_pos, self.rtl_root) {
            (HPos::Left, false) | (HPos::Right, true) => "start",
            (HPos::Right, false) | (HPos::Left, true) => "end",
            (HPos::Center, _) => "middle",
        };
        let weight = match style.style() {
            FontStyle::Bold => " font-weight=\"bold\"",
            _ => "",
        };
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" dominant-baseline=\"central\" text-anchor=\"{anchor}\" font-size=\"{}\" fill=\"{}\"{weight}{}>{}</text>",
            self.pct(pos.0),
            pos.1,
            fixed(style.size(), 3),
            attr(&color(style.color())),
            opacity(style.color()),
            text(s)
        );
        Ok(())
    }
}
