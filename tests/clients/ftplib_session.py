"""Drives a whole FTP session against the example server with Python's ftplib.

usage: ftplib_session.py PORT ROOT

ROOT is the directory the server serves; the script compares what it downloads with the files
there byte for byte. It exits non-zero (with the failed assertion) on any mismatch.
"""

import ftplib
import io
import os
import sys

PORT = int(sys.argv[1])
ROOT = sys.argv[2]
TIMEOUT = 10


def connect():
    ftp = ftplib.FTP()
    greeting = ftp.connect("127.0.0.1", PORT, timeout=TIMEOUT)
    assert greeting.startswith("220 "), greeting
    return ftp


def refused(ftp, command, code):
    try:
        reply = ftp.sendcmd(command)
    except ftplib.error_perm as error:
        reply = str(error)
    assert reply.startswith(code + " "), f"{command}: expected {code}, got {reply!r}"


def main():
    # Before login: the wrong order of commands, and commands that need a login.
    ftp = connect()
    refused(ftp, "PASS secret", "503")
    refused(ftp, "PWD", "530")
    refused(ftp, "USER alice", "530")
    ftp.close()

    ftp = connect()
    assert ftp.login().startswith("230 ")
    assert ftp.pwd() == "/"
    ftp.cwd("pub")
    assert ftp.pwd() == "/pub", ftp.pwd()
    assert ftp.nlst() == ["data.bin", "hello.txt"], ftp.nlst()

    received = io.BytesIO()
    done = ftp.retrbinary("RETR data.bin", received.write)
    assert done.startswith("226 "), done
    with open(os.path.join(ROOT, "pub", "data.bin"), "rb") as original:
        expected = original.read()
    assert received.getvalue() == expected, "RETR data.bin differs from the served file"

    assert ftp.size("data.bin") == len(expected)
    assert ftp.sendcmd("MDTM hello.txt") == "213 20240229123456"

    # One error of each kind, each with its catalogue code.
    refused(ftp, "CWD no-such-directory", "550")  # missing directory
    refused(ftp, "RETR no-such-file", "550")  # missing file
    refused(ftp, "SIZE no-such-file", "550")
    refused(ftp, "XYZZY", "500")  # unknown command
    refused(ftp, "STOR upload.txt", "502")  # not implemented: the server is read-only
    refused(ftp, "TYPE X", "504")  # bad argument
    refused(ftp, "CWD", "501")  # missing argument
    refused(ftp, "EPSV 2", "522")  # IPv6 on an IPv4 connection
    ftp.sendcmd("CDUP")
    assert ftp.pwd() == "/"

    assert ftp.quit().startswith("221 ")
    print("ftplib session ok")


if __name__ == "__main__":
    main()
