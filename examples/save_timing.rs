//! How long saving one answer takes, fsync included: the store's atomic
//! write of a response, 1000 times, in a temporary folder on this disk.
//!
//!     cargo run --release --example save_timing [-- DIR]

use std::time::Instant;

use campo::form::Answer;
use campo::form::FormRef;
use campo::store::{DataDir, Response, Responses};

fn main() {
    let base = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::tempdir_in(base).expect("a temporary folder");
    let data = DataDir::open(dir.path()).expect("a data folder");
    let mut response = Response::new(
        FormRef {
            id: "mhd-peer-support-2025".into(),
            version: 1,
        },
        "it",
        chrono::Utc::now(),
    );
    let mut times: Vec<f64> = (0..1000)
        .map(|n| {
            response
                .answers
                .insert("dept_name".into(), Answer::One(format!("DSM n. {n}")));
            response.record_change(chrono::Utc::now());
            let started = Instant::now();
            data.save(&response).expect("saved");
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!(
        "save an answer (atomic write + fsync), 1000 saves: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        at(0.5),
        at(0.99),
        at(1.0)
    );
}
