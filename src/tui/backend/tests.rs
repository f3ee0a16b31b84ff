use ratatui::style::{Modifier, Style};

use unicode_width::UnicodeWidthStr;

use super::*;

fn cell(symbol: &'static str, style: Style) -> Cell {
    let mut cell = Cell::new(symbol);
    cell.set_style(style);
    cell
}

fn backend(width: u16, height: u16) -> LeanBackend<Vec<u8>> {
    LeanBackend::showing(Vec::new(), Size { width, height }, true)
}

fn frame(backend: &mut LeanBackend<Vec<u8>>, cells: &[(u16, u16, Cell)]) -> String {
    backend
        .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
        .unwrap();
    backend.flush().unwrap();
    let written = String::from_utf8(backend.out.clone()).unwrap();
    backend.out.clear();
    written
}

/// Draws `next` as ratatui would (the cells that changed since the last
/// frame) and returns the bytes sent.
fn draw_buffer(backend: &mut LeanBackend<Vec<u8>>, last: &Buffer, next: &Buffer) -> Vec<u8> {
    backend.draw(last.diff(next).into_iter()).unwrap();
    backend.flush().unwrap();
    std::mem::take(&mut backend.out)
}

fn lines(width: u16, rows: &[&str]) -> Buffer {
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, rows.len() as u16));
    for (y, text) in rows.iter().enumerate() {
        buffer.set_string(0, y as u16, text, Style::new());
    }
    buffer
}

/// What a terminal emulator shows after `bytes`, row by row.
fn emulated(parser: &mut vt100::Parser, bytes: &[u8]) -> Vec<String> {
    parser.process(bytes);
    let (_, width) = parser.screen().size();
    parser
        .screen()
        .rows(0, width)
        .map(|row| row.trim_end().to_string())
        .collect()
}

fn text_of(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            row.trim_end().to_string()
        })
        .collect()
}

#[test]
fn plain_text_needs_no_style_reset() {
    let mut backend = backend(10, 3);
    let plain = Style::new();
    assert_eq!(
        frame(
            &mut backend,
            &[(2, 1, cell("a", plain)), (3, 1, cell("b", plain))]
        ),
        "\x1b[2;3Hab"
    );
}

#[test]
fn a_style_is_sent_once_and_reset_before_it_changes() {
    let mut backend = backend(10, 3);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let written = frame(
        &mut backend,
        &[(0, 0, cell(">", bold)), (0, 1, cell("x", Style::new()))],
    );
    assert_eq!(written, "\x1b[H\x1b[1m>\n\r\x1b[0mx");
}

#[test]
fn named_colours_take_their_short_codes() {
    let mut backend = backend(10, 3);
    let yellow = Style::new().fg(Color::Yellow).bg(Color::Blue);
    assert_eq!(
        frame(&mut backend, &[(0, 0, cell("!", yellow))]),
        "\x1b[H\x1b[33;44m!\x1b[0m"
    );
}

#[test]
fn the_cursor_state_is_sent_only_when_it_changes() {
    let mut backend = backend(10, 4);
    backend.hide_cursor().unwrap();
    backend.hide_cursor().unwrap();
    backend.set_cursor_position((4, 2)).unwrap();
    backend.set_cursor_position((4, 2)).unwrap();
    backend.flush().unwrap();
    assert_eq!(
        String::from_utf8(backend.out.clone()).unwrap(),
        "\x1b[?25l\x1b[3;5H"
    );
    backend.out.clear();
    backend.hide_cursor().unwrap();
    backend.flush().unwrap();
    assert!(backend.out.is_empty(), "nothing changed, nothing is sent");
}

#[test]
fn a_short_gap_is_printed_again_rather_than_jumped() {
    let mut backend = backend(20, 2);
    let first = lines(20, &["one two three", ""]);
    draw_buffer(&mut backend, &Buffer::empty(first.area), &first);
    // From the end of "three": back to the start, "n" again, not a jump.
    let next = lines(20, &["OnE two three", ""]);
    let bytes = draw_buffer(&mut backend, &first, &next);
    assert_eq!(String::from_utf8(bytes).unwrap(), "\rOnE");
}

#[test]
fn a_row_that_gets_shorter_is_erased_with_one_sequence() {
    let mut backend = backend(30, 2);
    let first = lines(30, &["a long line of text", ""]);
    draw_buffer(&mut backend, &Buffer::empty(first.area), &first);
    let next = lines(30, &["a short", ""]);
    let bytes = draw_buffer(&mut backend, &first, &next);
    assert_eq!(String::from_utf8(bytes).unwrap(), "\x1b[17Dshort\x1b[K");
}

fn list(first_option: usize, width: u16) -> Buffer {
    let mut rows = vec!["Question: which ones?".to_string(), String::new()];
    const LABELS: [(&str, &str); 6] = [
        ("Lack of institutional recognition", "of the role"),
        ("Limited economic resources", "for training and pay"),
        (
            "Cultural resistance and prejudice",
            "from health professionals",
        ),
        ("Unclear roles and responsibilities", "within the team"),
        ("Fragmented and limited integration", "into services"),
        ("Difficulty identifying and", "recruiting suitable PSWs"),
    ];
    for n in first_option..first_option + 4 {
        let (first, second) = LABELS[n - 1];
        rows.push(format!("  {n} [ ] {first}"));
        rows.push(format!("        {second}"));
    }
    rows.push(String::new());
    rows.push("Enter confirms".to_string());
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    lines(width, &rows)
}

#[test]
fn a_list_that_scrolls_is_moved_by_the_terminal() {
    let mut parser = vt100::Parser::new(12, 60, 0);
    let mut backend = backend(60, 12);
    let first = list(1, 60);
    emulated(
        &mut parser,
        &draw_buffer(&mut backend, &Buffer::empty(first.area), &first),
    );
    let next = list(2, 60);
    let bytes = draw_buffer(&mut backend, &first, &next);
    let written = String::from_utf8_lossy(&bytes).to_string();
    assert!(written.starts_with("\x1b[3;10r"), "{written:?}");
    assert!(bytes.len() < 110, "{} bytes: {written:?}", bytes.len());
    assert_eq!(emulated(&mut parser, &bytes), text_of(&next));
    // And back up: the reverse index.
    let bytes = draw_buffer(&mut backend, &next, &first);
    assert!(String::from_utf8_lossy(&bytes).contains("\x1bM"));
    assert_eq!(emulated(&mut parser, &bytes), text_of(&first));
}

#[test]
fn without_scroll_regions_a_list_is_painted() {
    let mut parser = vt100::Parser::new(12, 60, 0);
    let mut backend = LeanBackend::showing(Vec::new(), Size::new(60, 12), false);
    let first = list(1, 60);
    emulated(
        &mut parser,
        &draw_buffer(&mut backend, &Buffer::empty(first.area), &first),
    );
    let next = list(2, 60);
    let bytes = draw_buffer(&mut backend, &first, &next);
    assert!(!String::from_utf8_lossy(&bytes).contains("r\x1b"));
    assert_eq!(emulated(&mut parser, &bytes), text_of(&next));
}

#[test]
fn only_terminals_known_to_scroll_a_region_are_asked_to() {
    assert!(scroll_regions_work(Some("xterm-256color"), false));
    assert!(scroll_regions_work(Some("screen.xterm-256color"), false));
    assert!(scroll_regions_work(Some("linux"), false));
    assert!(!scroll_regions_work(Some("xterm-256color"), true));
    assert!(!scroll_regions_work(Some("dumb"), false));
    assert!(!scroll_regions_work(None, false));
}

/// A small random number generator, so that the frames below are the
/// same on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Text written over the second half of a wide letter leaves a buffer
/// no terminal can show (ratatui's own widgets avoid it): the wide letter
/// goes, as a terminal would take it away.
fn well_formed(buffer: &mut Buffer) {
    let Rect { width, height, .. } = buffer.area;
    for y in 0..height {
        for x in 0..width.saturating_sub(1) {
            if buffer[(x, y)].symbol().width() > 1 && buffer[(x + 1, y)].symbol() != " " {
                buffer[(x, y)].set_symbol(" ");
            }
        }
    }
}

/// Thousands of frames (rows moved up and down, text and styles changed,
/// wide letters, blanks) painted one after the other: the emulator shows
/// each exactly, letters and styles.
#[test]
fn every_frame_shows_exactly_what_was_drawn() {
    let (width, height) = (30, 10);
    let mut random = Lcg(7);
    let mut parser = vt100::Parser::new(height, width, 0);
    let mut backend = backend(width, height);
    let words = ["ab", "città", "x", "漢字", "  ", "long word", "é"];
    let styles = [
        Style::new(),
        Style::new().add_modifier(Modifier::BOLD),
        Style::new().fg(Color::Yellow),
        Style::new().add_modifier(Modifier::REVERSED),
    ];
    let mut last = Buffer::empty(Rect::new(0, 0, width, height));
    for round in 0..3000 {
        let mut next = last.clone();
        if random.below(2) == 0 {
            let top = random.below(u64::from(height) - 2) as u16;
            let bottom = top + 1 + random.below(u64::from(height - top - 1)) as u16;
            let by = 1 + random.below(2) as i16;
            let by = if random.below(2) == 0 { by } else { -by };
            if bottom - top >= by.unsigned_abs() {
                next = scroll::Scroll { top, bottom, by }.apply(&last);
            }
        }
        for _ in 0..random.below(4) {
            let (x, y) = (
                random.below(u64::from(width)) as u16,
                random.below(u64::from(height)) as u16,
            );
            let word = words[random.below(words.len() as u64) as usize];
            let style = styles[random.below(styles.len() as u64) as usize];
            next.set_stringn(x, y, word, usize::from(width - x), style);
        }
        if random.below(5) == 0 {
            let y = random.below(u64::from(height)) as u16;
            next.set_stringn(
                0,
                y,
                " ".repeat(usize::from(width)),
                usize::from(width),
                Style::new(),
            );
        }
        well_formed(&mut next);
        let bytes = draw_buffer(&mut backend, &last, &next);
        parser.process(&bytes);
        let sent = String::from_utf8_lossy(&bytes).to_string();
        for y in 0..height {
            for x in 0..width {
                let want = &next[(x, y)];
                let Some(got) = parser.screen().cell(y, x) else {
                    continue;
                };
                if got.is_wide_continuation() {
                    continue;
                }
                let symbol = if got.contents().is_empty() {
                    " "
                } else {
                    got.contents()
                };
                assert_eq!(
                    symbol,
                    want.symbol(),
                    "round {round}, cell ({x}, {y}): {:?}",
                    text_of(&next)
                );
                assert_eq!(
                    got.bold(),
                    want.modifier.contains(Modifier::BOLD),
                    "round {round} ({x}, {y}) {sent:?}"
                );
                assert_eq!(
                    got.inverse(),
                    want.modifier.contains(Modifier::REVERSED),
                    "round {round} ({x}, {y})"
                );
                let yellow = got.fgcolor() == vt100::Color::Idx(3);
                assert_eq!(yellow, want.fg == Color::Yellow, "round {round} ({x}, {y})");
            }
        }
        last = next;
    }
}

#[test]
fn a_scroll_region_is_kept_for_the_next_step_and_given_back_on_a_clear() {
    let mut parser = vt100::Parser::new(12, 60, 0);
    let mut backend = backend(60, 12);
    let first = list(1, 60);
    emulated(
        &mut parser,
        &draw_buffer(&mut backend, &Buffer::empty(first.area), &first),
    );
    let second = list(2, 60);
    emulated(&mut parser, &draw_buffer(&mut backend, &first, &second));
    let third = list(3, 60);
    let bytes = draw_buffer(&mut backend, &second, &third);
    let written = String::from_utf8_lossy(&bytes).to_string();
    assert!(
        !written.contains(";10r"),
        "the region is set again: {written:?}"
    );
    assert_eq!(emulated(&mut parser, &bytes), text_of(&third));
    // A line below the region is reached without a line feed across it.
    let mut below = third.clone();
    below[(0, 11)] = Cell::new("!");
    let bytes = draw_buffer(&mut backend, &third, &below);
    assert_eq!(emulated(&mut parser, &bytes), text_of(&below));
    backend.clear().unwrap();
    backend.flush().unwrap();
    assert!(
        backend.out.ends_with(b"\x1b[r\x1b[2J"),
        "{:?}",
        String::from_utf8_lossy(&backend.out)
    );
}
