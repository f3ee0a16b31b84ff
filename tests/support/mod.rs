//! Drives the real campo binary in a pseudo-terminal and reads its screen
//! through a terminal emulator (vt100), so tests wait for text to appear
//! rather than for time to pass.
// Each test file uses its own share of these helpers.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub mod backend;
mod data;
pub mod screens;
pub mod server;
pub mod sync;
mod tools;
// Each test file uses its own share of these.
#[allow(unused_imports)]
pub use data::{only_response, responses, text};
#[allow(unused_imports)]
pub use tools::{libreoffice_is_here, odk_oracle, pspp_is_here};

/// How long a test waits for text before it fails and shows the screen.
const PATIENCE: Duration = Duration::from_secs(20);

/// The screen the tests read: the window, up to the most campo draws
/// (500 × 200; beyond that it draws in the top-left corner). A window of
/// no size is read as 80 × 24 (campo then writes plain lines).
fn emulated_size(cols: u16, rows: u16) -> (u16, u16) {
    if cols == 0 || rows == 0 {
        return (24, 80);
    }
    (rows.min(200), cols.min(500))
}

pub struct Tty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte campo wrote, as written.
    raw: Arc<Mutex<Vec<u8>>>,
    ended: Arc<Mutex<bool>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tty {
    pub fn spawn(data: &Path, args: &[&str]) -> Tty {
        Self::spawn_with(data, args, &[("TERM", "xterm-256color")])
    }

    pub fn spawn_with(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Tty {
        let mut all = vec!["--data-dir".to_string(), data.display().to_string()];
        all.extend(args.iter().map(|a| a.to_string()));
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        Self::spawn_command(env!("CARGO_BIN_EXE_campo"), &all, env)
    }

    /// Any program in the pseudo-terminal (a shell that sets limits, say).
    pub fn spawn_command(program: &str, args: &[&str], env: &[(&str, &str)]) -> Tty {
        Self::spawn_sized(program, args, env, (80, 24))
    }

    /// The same in a terminal of `(columns, rows)`.
    pub fn spawn_sized(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        (cols, rows): (u16, u16),
    ) -> Tty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env_clear();
        command.env("PATH", std::env::var("PATH").unwrap_or_default());
        command.env("TZ", "UTC");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).expect("campo starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (screen_rows, screen_cols) = emulated_size(cols, rows);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(screen_rows, screen_cols, 0)));
        let ended = Arc::new(Mutex::new(false));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen, done, log) = (parser.clone(), ended.clone(), raw.clone());
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                log.lock().unwrap().extend_from_slice(&buffer[..n]);
                screen.lock().unwrap().process(&buffer[..n]);
            }
            *done.lock().unwrap() = true;
        });
        Tty {
            child,
            writer,
            parser,
            raw,
            ended,
            _master: pair.master,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Everything campo has written so far, escape sequences and all.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn in_alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until `text` is on the screen.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.screen().contains(text) {
            if start.elapsed() > PATIENCE {
                panic!("waited for {text:?}; the screen shows:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn send(&mut self, bytes: &str) {
        self.send_bytes(bytes.as_bytes());
    }

    /// Bytes as a terminal would send them, UTF-8 or not.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends keys and waits until the screen shows something else: campo
    /// has drawn the frame they brought, so the next keys get one of their
    /// own.
    pub fn press(&mut self, bytes: &[u8]) {
        let before = self.screen();
        self.send_bytes(bytes);
        let start = Instant::now();
        while self.screen() == before {
            if start.elapsed() > PATIENCE {
                panic!("{bytes:?} changed nothing; the screen shows:\n{before}");
            }
            thread::sleep(Duration::from_millis(2));
        }
    }

    /// Sends keys, then waits for what they should bring on screen.
    pub fn keys(&mut self, bytes: &str, expect: &str) {
        self.send(bytes);
        self.wait_for(expect);
    }

    /// Waits for campo to end, and for all it wrote to be read. A campo
    /// that does not end in time is killed and the test fails, showing the
    /// screen (m4: a hang must not hang the suite).
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        self.wait_exit_within(PATIENCE)
    }

    /// [`Tty::wait_exit`] with a deadline of its own.
    pub fn wait_exit_within(&mut self, patience: Duration) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > patience {
                let _ = self.child.kill();
                panic!(
                    "campo did not end within {patience:?}; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(10));
        };
        let start = Instant::now();
        while !*self.ended.lock().unwrap() && start.elapsed() < PATIENCE {
            thread::sleep(Duration::from_millis(10));
        }
        status
    }

    /// Changes the window size, as a user dragging the window would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.announce_size(cols, rows);
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
    }

    /// Changes the size the pseudo-terminal announces, leaving the screen
    /// the test reads as it is (a window of 10,000 × 10,000 would take the
    /// test's own memory).
    pub fn announce_size(&mut self, cols: u16, rows: u16) {
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let (rows, cols) = emulated_size(cols, rows);
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
    }

    /// The most memory campo has held so far (its peak resident set), in
    /// kilobytes.
    pub fn peak_memory_kb(&self) -> u64 {
        let pid = self.child.process_id().expect("a running process");
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("a VmHWM line")
    }

    /// Sends a signal, as a dropped connection (SIGHUP) or a shutdown
    /// (SIGTERM) would.
    pub fn signal(&mut self, signal: libc::c_int) {
        let pid = self.child.process_id().expect("a running process");
        // SAFETY: kill(2) on our own child's pid has no memory effects.
        assert_eq!(unsafe { libc::kill(pid as libc::pid_t, signal) }, 0);
    }

    /// Kills campo with SIGKILL: no chance to save or clean up.
    pub fn kill_hard(&mut self) {
        let pid = self.child.process_id().expect("a running process");
        let killed = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        self.child.wait().unwrap();
    }
}

pub const ENTER: &str = "\r";
pub const BACKSPACE: &str = "\x7f";
pub const TAB: &str = "\t";
pub const BACK_TAB: &str = "\x1b[Z";
pub const ESC: &str = "\x1b";
pub const CTRL_C: &str = "\x03";
pub const F2: &str = "\x1bOQ";
pub const F3: &str = "\x1bOR";
pub const DOWN: &str = "\x1b[B";
pub const PAGE_DOWN: &str = "\x1b[6~";
