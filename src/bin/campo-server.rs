// The same allocator as `campo` (see src/main.rs): the server and the
// exports read many small documents.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    campo::cli::main_server()
}
