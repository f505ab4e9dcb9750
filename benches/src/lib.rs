//! Criterion benchmarks of ftp-codes live in `benches/`; see BENCHMARKS.md at the workspace root.
