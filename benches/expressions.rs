//! What re-working a big form's expressions costs a key: a form of 1,000
//! integer questions in 10 sections, 500 of them asked when an expression
//! holds — chains (each reading the one before it) and fan-out (reading
//! several earlier answers, with `selected`-free arithmetic, `if` and
//! comparisons) —, all answered. Times `Form::asked` (what every key that
//! changes an answer works out) and `Form::state` (what `form try` prints),
//! the median of 200 runs each.
//!
//!     cargo bench --bench expressions
//!
//! The issue's budget is ≤ 1 ms of evaluation a key. Run by hand; not a test.

use std::time::{Duration, Instant};

use campo::form::{Answer, Answers, Form};

const QUESTIONS: usize = 1_000;
const SECTIONS: usize = 10;

/// The condition of question `n` (from 0), or none: every other question
/// has one, reading up to three earlier answers.
fn condition(n: usize) -> Option<String> {
    if n < 4 || n % 2 == 1 {
        return None;
    }
    Some(match n % 6 {
        0 => format!("${{q{}}} >= 0", n - 1),
        2 => format!("${{q{}}} + ${{q{}}} > ${{q{}}} - 10", n - 1, n - 2, n / 2),
        _ => format!(
            "if(${{q{}}} > 5, ${{q{}}} mod 7 != 3, ${{q0}} < 1000) or ${{q{}}} = ''",
            n - 3,
            n - 1,
            n - 2
        ),
    })
}

fn form() -> Form {
    let per_section = QUESTIONS / SECTIONS;
    let sections: Vec<String> = (0..SECTIONS)
        .map(|s| {
            let items: Vec<String> = (s * per_section..(s + 1) * per_section)
                .map(|n| {
                    let asked_when = condition(n)
                        .map(|c| format!(r#", "asked_when": {{"expression": "{c}"}}"#))
                        .unwrap_or_default();
                    format!(r#"{{"id": "q{n}", "type": "integer", "question": "q"{asked_when}}}"#)
                })
                .collect();
            format!(
                r#"{{"id": "s{s}", "title": "s", "items": [{}]}}"#,
                items.join(", ")
            )
        })
        .collect();
    Form::from_json(&format!(
        r#"{{"id": "big", "version": 1, "title": "t", "sections": [{}]}}"#,
        sections.join(", ")
    ))
    .expect("the benchmark's form is valid")
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(what: impl Fn()) -> Duration {
    what(); // warm
    median(
        (0..200)
            .map(|_| {
                let start = Instant::now();
                what();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let form = form();
    let answers: Answers = (0..QUESTIONS)
        .map(|n| (format!("q{n}"), Answer::Number(((n * 7) % 13).into())))
        .collect();
    let asked = time(|| {
        std::hint::black_box(form.asked(&answers));
    });
    let state = time(|| {
        std::hint::black_box(form.state(&answers));
    });
    let questions = form.items.len();
    let expressions = (0..QUESTIONS).filter(|&n| condition(n).is_some()).count();
    println!("{questions} questions, {expressions} expressions, median of 200:");
    println!("  Form::asked (each key that changes an answer): {asked:?}");
    println!("  Form::state (form try's state):               {state:?}");
}
