//! Nothing but the dependencies: what building them costs before ftp-codes adds anything.
