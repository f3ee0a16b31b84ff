//! What campo sends its terminal, held to the budgets in bench/budgets.toml:
//! the real binary in a pseudo-terminal of 80 × 24, walked through the whole
//! questionnaire by digits and by arrows in both languages, down a list
//! that scrolls and down the list of regions. Bytes are exact, so these are
//! budgets a test can keep; times and memory stay in bench/.

mod support;

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use support::Tty;

/// The bundled questionnaire's items in order, as bench/walk.py answers
/// them: the options chosen (by their numbers) and the text typed.
const ITEMS: [(&[usize], Option<&str>); 28] = [
    (&[21], None), // dept_region: Veneto, the last of 21
    (&[], Some("DSM-DP ULSS 9 Scaligera")),
    (&[1], None),
    (&[3], None),
    (&[2], None),
    (&[1, 5], Some("Ambulatorio")), // ps_services, "Other" specified
    (&[1, 2], None),
    (&[1], None),
    (&[1], None),
    (&[1], None),
    (&[2], None),
    (&[1], None),
    (&[4], None),
    (&[1], None),
    (&[1, 2], None),
    (&[1], None),
    (&[2, 3], None), // ps_difficulties, 15 options
    (&[2], None),
    (&[1], None),
    (&[1], None),
    (&[1], None),
    (&[3], None),
    (&[1], None),
    (&[2], None),
    (&[1], None),
    (&[2, 4], None),
    (&[4], None),
    (&[], Some("Gruppi AMA")), // promising_practices
];
/// ps_difficulties, the list that scrolls at 80 × 24.
const BEFORE_SCROLLING_LIST: usize = 16;

const DOWN: &[u8] = b"\x1b[B";
const ENTER: &[u8] = b"\r";
const CTRL_C: &[u8] = b"\x03";

#[derive(Clone, Copy, PartialEq)]
enum Keys {
    Digits,
    Arrows,
}

#[derive(serde::Deserialize)]
struct Budgets {
    walk: Walk,
    scrolling_list: PerKey,
    region_list: PerKey,
    first_paint: FirstPaint,
}

#[derive(serde::Deserialize)]
struct Walk {
    raw: usize,
    zlib: usize,
}

#[derive(serde::Deserialize)]
struct PerKey {
    per_key: f64,
}

#[derive(serde::Deserialize)]
struct FirstPaint {
    bytes: usize,
}

fn budgets() -> Budgets {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/budgets.toml");
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The presses that answer `items`: each a frame of its own. A space is
/// sent with the letter after it (alone it shows nothing until then).
fn presses(items: &[(&[usize], Option<&str>)], keys: Keys) -> Vec<Vec<u8>> {
    let mut presses = Vec::new();
    for (chosen, text) in items {
        let mut at = 1;
        for &option in *chosen {
            match keys {
                Keys::Digits => {
                    presses.extend(option.to_string().bytes().map(|digit| vec![digit]));
                }
                Keys::Arrows => {
                    presses.extend((at..option).map(|_| DOWN.to_vec()));
                    presses.push(b" ".to_vec());
                    at = option;
                }
            }
        }
        let mut pending_space = false;
        for c in text.unwrap_or("").chars() {
            if c == ' ' {
                pending_space = true;
                continue;
            }
            let mut press = if pending_space {
                b" ".to_vec()
            } else {
                Vec::new()
            };
            press.extend(c.to_string().bytes());
            presses.push(press);
            pending_space = false;
        }
        presses.push(ENTER.to_vec());
    }
    presses
}

/// Everything campo writes from its start to its end at Ctrl-C, the keys
/// `presses` pressed one frame at a time.
fn bytes_sent(lang: &str, presses: &[Vec<u8>]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(dir.path(), &["--lang", lang, "new"]);
    tty.wait_for(if lang == "it" {
        "F2 English"
    } else {
        "F2 italiano"
    });
    for press in presses {
        tty.press(press);
    }
    tty.send_bytes(CTRL_C);
    assert!(tty.wait_exit().success());
    tty.raw()
}

fn zlib(bytes: &[u8]) -> usize {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::new(6));
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

/// Bytes a press of Down costs after `items`, `count` times: the
/// difference between the walk with them and without.
fn per_down(lang: &str, items: &[(&[usize], Option<&str>)], count: usize) -> f64 {
    let before = presses(items, Keys::Digits);
    let mut with_downs = before.clone();
    with_downs.extend((0..count).map(|_| DOWN.to_vec()));
    let difference = bytes_sent(lang, &with_downs).len() - bytes_sent(lang, &before).len();
    difference as f64 / count as f64
}

#[test]
fn the_whole_questionnaire_stays_within_its_byte_budget() {
    let budget = budgets().walk;
    for lang in ["it", "en"] {
        for (keys, name) in [(Keys::Digits, "digits"), (Keys::Arrows, "arrows")] {
            let mut walk = presses(&ITEMS, keys);
            // The last answer is text: Tab opens the review, c completes.
            walk.pop();
            walk.push(b"\t".to_vec());
            walk.push(b"c".to_vec());
            let sent = bytes_sent(lang, &walk);
            let (raw, compressed) = (sent.len(), zlib(&sent));
            println!("walk {lang} {name}: {raw} B, zlib {compressed} B");
            assert!(raw <= budget.raw, "{lang} {name}: {raw} B > {}", budget.raw);
            assert!(
                compressed <= budget.zlib,
                "{lang} {name}: zlib {compressed} B > {}",
                budget.zlib
            );
        }
    }
}

#[test]
fn scrolling_down_a_long_list_stays_within_its_byte_budget() {
    let budget = budgets().scrolling_list.per_key;
    for lang in ["it", "en"] {
        let per_key = per_down(lang, &ITEMS[..BEFORE_SCROLLING_LIST], 14);
        println!("scrolling list {lang}: {per_key:.1} B a key");
        assert!(per_key <= budget, "{lang}: {per_key:.1} B a key > {budget}");
    }
}

#[test]
fn moving_in_the_region_list_stays_within_its_byte_budget() {
    let budget = budgets().region_list.per_key;
    for lang in ["it", "en"] {
        let per_key = per_down(lang, &[], 10);
        println!("region list {lang}: {per_key:.1} B a key");
        assert!(per_key <= budget, "{lang}: {per_key:.1} B a key > {budget}");
    }
}

#[test]
fn the_first_paint_stays_within_its_byte_budget() {
    let budget = budgets().first_paint.bytes;
    for lang in ["it", "en"] {
        let sent = bytes_sent(lang, &[]).len();
        println!("first paint and quit {lang}: {sent} B");
        assert!(sent <= budget, "{lang}: {sent} B > {budget}");
    }
}

/// A scroll region left set would outlive campo in the shell: the last
/// one set is given back before campo ends.
#[test]
fn the_scroll_region_is_given_back_on_the_way_out() {
    let mut walk = presses(&ITEMS[..BEFORE_SCROLLING_LIST], Keys::Digits);
    walk.extend((0..14).map(|_| DOWN.to_vec()));
    let sent = String::from_utf8_lossy(&bytes_sent("it", &walk)).to_string();
    let regions: Vec<usize> = sent
        .match_indices("\x1b[")
        .map(|(at, _)| at)
        .filter(|&at| {
            let rest = &sent[at + 2..];
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ';'));
            end.is_some_and(|end| {
                end > 0 && rest[..end].contains(';') && rest[end..].starts_with('r')
            })
        })
        .collect();
    let last = *regions.last().expect("the list was scrolled by a region");
    assert!(sent[last..].contains("\x1b[r"), "{:?}", &sent[last..]);
}
