//! A large, realistic control-connection transcript for the benchmarks: single-line and
//! multi-line replies in the styles of several servers, generated the same way every time.

/// Replies as `vsftpd`, `pyftpdlib`, `ProFTPD`, `IIS` and `glftpd` send them (CRLF, `DDD-` on every line,
/// space-indented FEAT lines, a bare code, a mismatched end).
const REPLIES: &[&str] = &[
    "220 (vsFTPd 3.0.3)\r\n",
    "220-Welcome to Example Corp\r\n220-Unauthorized access is prohibited.\r\n220 \r\n",
    "331 Please specify the password.\r\n",
    "230 Login successful.\r\n",
    "215 UNIX Type: L8\r\n",
    "211-Features:\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n UTF8\r\n211 End\r\n",
    "211-Extensions supported:\r\n211-MLST size*;modify*;type*;\r\n211-SIZE\r\n211 End.\r\n",
    "257 \"/home/user\" is the current directory\r\n",
    "250 Directory successfully changed.\r\n",
    "550 Failed to change directory.\r\n",
    "200 Switching to Binary mode.\r\n",
    "227 Entering Passive Mode (127,0,0,1,195,80).\r\n",
    "229 Entering Extended Passive Mode (|||50001|)\r\n",
    "150 Here comes the directory listing.\r\n",
    "226 Directory send OK.\r\n",
    "213 1048576\r\n",
    "213 20261124094319\r\n",
    "150 Opening BINARY mode data connection for file.bin (1048576 bytes).\r\n",
    "226 Transfer complete.\r\n",
    "500 Unknown command.\r\n",
    "214-The following commands are recognized.\r\n ABOR ACCT ALLO APPE CDUP CWD  DELE EPRT EPSV FEAT HELP LIST MDTM MKD\r\n MODE NLST NOOP OPTS PASS PASV PORT PWD  QUIT REIN REST RETR RMD  RNFR\r\n RNTO SITE SIZE SMNT STAT STOR STOU STRU SYST TYPE USER XCUP XCWD XMKD\r\n XPWD XRMD\r\n214 Help OK.\r\n",
    "213-Status follows:\r\n-rw-r--r--    1 1000     1000         1048576 Nov 24 09:43 file.bin\r\ndrwxr-xr-x    2 1000     1000            4096 Nov 24 09:43 pub\r\n213 End of status\r\n",
    "200\r\n",
    "553-Permission denied\r\n553-not your directory\r\n150 Opening\r\n",
    "421 Timeout.\r\n",
    "221 Goodbye.\r\n",
];

/// At least `min_len` bytes of replies, cycling through the styles above.
pub(crate) fn transcript(min_len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(min_len + 512);
    // A fixed linear congruential sequence: a mix that is irregular but the same every run.
    let mut state: u32 = 0x2545_f491;
    while out.len() < min_len {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        if let Some(reply) = REPLIES.get((state >> 16) as usize % REPLIES.len()) {
            out.extend_from_slice(reply.as_bytes());
        }
    }
    out
}
