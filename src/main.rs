//! `campo`: the interface and every command but `serve` and `export`.
//!
//! Its allocator is a measured choice per command (bench/big.py,
//! bench/compare.py): the commands that read every response of the folder
//! (`list`, `report`, `doctor`, `sync`) make mostly small allocations, which
//! mimalloc makes a third to half cheaper; the interface starts 0.5 ms
//! sooner on the system's allocator, which touches fewer fresh pages before
//! the first paint. The choice is made once, from the arguments, before
//! the first allocation, and never changes: every block is freed by the
//! allocator that gave it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU8, Ordering};

use mimalloc::MiMalloc;

#[global_allocator]
static ALLOCATOR: PerCommand = PerCommand;

fn main() -> std::process::ExitCode {
    campo::cli::main()
}

/// The commands that read every response.
const BULK_COMMANDS: [&[u8]; 4] = [b"list", b"report", b"doctor", b"sync"];

/// The global options that take a value as the next argument: that value
/// is not the command.
const OPTIONS_WITH_VALUE: [&[u8]; 3] = [b"--lang", b"--data-dir", b"--form"];

const UNDECIDED: u8 = 0;
const SYSTEM: u8 = 1;
const MIMALLOC: u8 = 2;

static CHOICE: AtomicU8 = AtomicU8::new(UNDECIDED);

/// The allocator the first call settles on: the one chosen from the
/// arguments, or mimalloc (as before the choice existed) where they could
/// not be read before it.
fn chosen() -> u8 {
    match CHOICE.load(Ordering::Relaxed) {
        UNDECIDED => {
            match CHOICE.compare_exchange(UNDECIDED, MIMALLOC, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => MIMALLOC,
                Err(settled) => settled,
            }
        }
        settled => settled,
    }
}

/// The allocator for a command line: the first argument that is neither
/// an option nor an option's value names the command.
fn choose<'a>(mut arguments: impl Iterator<Item = &'a [u8]>) -> u8 {
    while let Some(argument) = arguments.next() {
        if OPTIONS_WITH_VALUE.contains(&argument) {
            arguments.next();
        } else if !argument.starts_with(b"-") {
            return if BULK_COMMANDS.contains(&argument) {
                MIMALLOC
            } else {
                SYSTEM
            };
        }
    }
    SYSTEM
}

/// glibc calls the functions of `.init_array` with the program's
/// arguments before `main` and before anything Rust allocates (std reads
/// its own arguments the same way); musl and other systems do not pass
/// them, so there the choice stays mimalloc.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod arguments_before_main {
    use std::ffi::{CStr, c_char, c_int};
    use std::sync::atomic::Ordering;

    #[used]
    #[unsafe(link_section = ".init_array")]
    static READ_ARGUMENTS: extern "C" fn(c_int, *const *const c_char, *const *const c_char) =
        read_arguments;

    extern "C" fn read_arguments(
        argc: c_int,
        argv: *const *const c_char,
        _env: *const *const c_char,
    ) {
        let count = usize::try_from(argc).unwrap_or(0);
        // SAFETY: glibc passes `argc` valid C strings in `argv`.
        let arguments = (1..count).map(|n| unsafe { CStr::from_ptr(*argv.add(n)) }.to_bytes());
        let choice = super::choose(arguments);
        let _ = super::CHOICE.compare_exchange(
            super::UNDECIDED,
            choice,
            Ordering::Relaxed,
            Ordering::Relaxed,
        );
    }
}

struct PerCommand;

// SAFETY: every call goes to the one allocator `chosen` settled on at the
// first call, so each block is freed and resized by the allocator that
// gave it.
unsafe impl GlobalAlloc for PerCommand {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match chosen() {
            SYSTEM => unsafe { System.alloc(layout) },
            _ => unsafe { MiMalloc.alloc(layout) },
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match chosen() {
            SYSTEM => unsafe { System.alloc_zeroed(layout) },
            _ => unsafe { MiMalloc.alloc_zeroed(layout) },
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        match chosen() {
            SYSTEM => unsafe { System.dealloc(block, layout) },
            _ => unsafe { MiMalloc.dealloc(block, layout) },
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        match chosen() {
            SYSTEM => unsafe { System.realloc(block, layout, new_size) },
            _ => unsafe { MiMalloc.realloc(block, layout, new_size) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice_for(line: &str) -> u8 {
        choose(line.split_whitespace().map(str::as_bytes))
    }

    #[test]
    fn the_commands_that_read_every_response_run_on_mimalloc() {
        for line in ["list --json", "report --by macro_area", "doctor", "sync"] {
            assert_eq!(choice_for(line), MIMALLOC, "{line}");
        }
        assert_eq!(choice_for("--lang it --data-dir /d list"), MIMALLOC);
    }

    #[test]
    fn the_interface_runs_on_the_systems_allocator() {
        for line in ["", "new", "edit 1a2b", "--plain new", "kiosk", "show 1a2b"] {
            assert_eq!(choice_for(line), SYSTEM, "{line:?}");
        }
    }

    #[test]
    fn an_options_value_is_not_taken_for_the_command() {
        assert_eq!(choice_for("--data-dir list new"), SYSTEM);
        assert_eq!(choice_for("--form report"), SYSTEM);
    }
}
