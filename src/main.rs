fn main() -> std::process::ExitCode {
    campo::cli::main()
}
