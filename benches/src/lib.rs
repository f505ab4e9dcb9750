//! Shared by the benchmarks and the measurement examples of `benches/`: the inputs they all
//! use, built the same way every time. Figures are in BENCHMARKS.md at the workspace root.

/// A `211-` reply of `lines` lines (STAT of a large directory), 43 bytes a line: 10,000
/// lines make 429,954 bytes.
pub fn long_reply(lines: usize) -> Vec<u8> {
    let mut buf = b"211-Status of /pub:\r\n".to_vec();
    for i in 0..lines.saturating_sub(2) {
        buf.extend_from_slice(
            format!("-rw-r--r-- 1 ftp ftp {:>6} file{i:05}.bin\r\n", i * 37).as_bytes(),
        );
    }
    buf.extend_from_slice(b"211 End of status\r\n");
    buf
}
