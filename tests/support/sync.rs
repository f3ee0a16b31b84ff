//! The set-up the sync and server tests share: folders of offices, the
//! server's stored documents and dumps, raw HTTP, a flaky proxy and fake
//! servers.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use serde_json::Value;

use super::server::{campo, complete_response};

/// Runs `campo serve dump` of `db` into `out`.
pub fn dump_into(db: &str, out: &Path) {
    let output = campo(&["serve", "--db", db, "dump", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The server's current revision of every response, read back through
/// `campo serve dump`.
pub fn stored(db: &str) -> Vec<Value> {
    let out = tempfile::tempdir().unwrap();
    dump_into(db, out.path());
    files(&out.path().join("responses"))
}

/// The response files of `dir`, each with the server's last word on it as
/// campo reads it: the confirmations log beside the folder, if any, over
/// what the file says.
pub fn files(dir: &Path) -> Vec<Value> {
    let confirmed = confirmations(&dir.join("..").join("confirmations.log"));
    let mut all: Vec<Value> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| serde_json::from_slice(&std::fs::read(e.unwrap().path()).unwrap()).unwrap())
        .map(|mut response: Value| {
            if let Some(record) = confirmed.get(response["id"].as_str().unwrap()) {
                response["sync"] = record.clone();
            }
            response
        })
        .collect();
    all.sort_by_key(|v| v["id"].as_str().unwrap().to_string());
    all
}

/// The last record of each response in a confirmations log.
pub fn confirmations(log: &Path) -> std::collections::HashMap<String, Value> {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let mut last = std::collections::HashMap::new();
    for line in text.lines() {
        // A line cut short by a kill, as campo reads it: no word at all.
        let Ok(mut record) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let id = record["id"].as_str().unwrap().to_string();
        record.as_object_mut().unwrap().remove("id");
        last.insert(id, record);
    }
    last
}

/// As if campo died after the server stored the response but before the
/// confirmation reached the disk: no record of it, in its file or the log.
pub fn lose_confirmation(data: &Path, id: &str) {
    let path = data.join("responses").join(format!("{id}.json"));
    let mut response: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    response.as_object_mut().unwrap().remove("sync");
    std::fs::write(&path, serde_json::to_vec(&response).unwrap()).unwrap();
    let log = data.join("confirmations.log");
    let kept: String = std::fs::read_to_string(&log)
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.contains(id))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&log, kept).unwrap();
}

pub fn id_for(office: usize, n: usize) -> String {
    format!("{office:08x}-0000-4000-8000-{n:012x}")
}

/// An office's data folder with `count` complete responses.
pub fn office(number: usize, count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("responses")).unwrap();
    for n in 0..count {
        write_response(dir.path(), &complete_response(&id_for(number, n), n, 1));
    }
    dir
}

pub fn write_response(data: &Path, response: &Value) {
    let path = data
        .join("responses")
        .join(format!("{}.json", response["id"].as_str().unwrap()));
    std::fs::write(path, serde_json::to_vec_pretty(response).unwrap()).unwrap();
}

pub fn sync(data: &Path, url: &str, token: &str) -> Output {
    campo(&[
        "--data-dir",
        data.to_str().unwrap(),
        "sync",
        "--server",
        url,
        "--token",
        token,
    ])
    .env("CAMPO_CONFIG", data.join("no-config.toml"))
    .env("CAMPO_SYNC_RETRY_MS", "20")
    .output()
    .unwrap()
}

pub fn flaky_proxy(target: String, every: usize) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let cut = Arc::new(AtomicUsize::new(0));
    let (requests, cuts) = (Arc::new(AtomicUsize::new(0)), cut.clone());
    thread::spawn(move || {
        for client in listener.incoming().map_while(Result::ok) {
            let Ok(upstream) = TcpStream::connect(target.trim_start_matches("http://")) else {
                continue;
            };
            let (requests, cuts) = (requests.clone(), cuts.clone());
            let (mut client_in, mut upstream_out) =
                (client.try_clone().unwrap(), upstream.try_clone().unwrap());
            let (mut upstream_in, mut client_out) = (upstream, client);
            thread::spawn(move || {
                let mut buffer = [0u8; 16 * 1024];
                while let Ok(n) = client_in.read(&mut buffer) {
                    if n == 0 {
                        break;
                    }
                    let starts = buffer[..n]
                        .windows(4)
                        .filter(|w| w == b"PUT " || w == b"POST")
                        .count();
                    let seen = requests.fetch_add(starts, Ordering::SeqCst) + starts;
                    if starts > 0 && seen % every == 0 {
                        cuts.fetch_add(1, Ordering::SeqCst);
                        let _ = upstream_out.write_all(&buffer[..n / 2]);
                        let _ = upstream_out.shutdown(Shutdown::Both);
                        let _ = client_in.shutdown(Shutdown::Both);
                        return;
                    }
                    if upstream_out.write_all(&buffer[..n]).is_err() {
                        break;
                    }
                }
                let _ = upstream_out.shutdown(Shutdown::Both);
            });
            thread::spawn(move || {
                let _ = std::io::copy(&mut upstream_in, &mut client_out);
                let _ = client_out.shutdown(Shutdown::Both);
            });
        }
    });
    (address, cut)
}

pub fn raw_agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

pub fn get_status(url: &str, token: Option<&str>) -> u16 {
    let mut request = raw_agent().get(url);
    if let Some(token) = token {
        request = request.header("Authorization", &format!("Bearer {token}"));
    }
    request.call().map(|r| r.status().as_u16()).unwrap_or(0)
}

pub fn put_status(url: &str, token: &str, document: &Value) -> u16 {
    put_bytes(url, token, &serde_json::to_vec(document).unwrap())
}

pub fn put_bytes(url: &str, token: &str, body: &[u8]) -> u16 {
    raw_agent()
        .put(url)
        .header("Authorization", &format!("Bearer {token}"))
        .send(body)
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// Resident memory of a process, in kB.
pub fn resident_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

/// A stand-in server that answers each request with the next of `answers`
/// (whole HTTP responses), and keeps what it was sent.
pub fn fake_server(answers: Vec<String>) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    thread::spawn(move || {
        for (stream, answer) in listener.incoming().zip(answers) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            log.lock().unwrap().push(head);
            let _ = stream.write_all(answer.as_bytes());
            let _ = stream.shutdown(Shutdown::Both);
        }
    });
    (url, seen)
}

pub fn http_answer(status: &str, headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

pub fn sorted_file_bytes(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}
