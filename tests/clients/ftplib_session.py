"""Drives whole FTP sessions against the example server with Python's ftplib.

usage: ftplib_session.py PORT ROOT MODE

MODE `user`: the server runs with `--user alice:secret`; the script logs in, and reads and
writes in passive (PASV) and active (PORT) mode, resumes (REST, APPE), makes, renames and
removes, and checks what lands on disk under ROOT byte for byte. MODE `anonymous`: the server
runs without `--user`; every write must be refused and nothing under ROOT may change. It exits
non-zero (with the failed assertion) on any mismatch.
"""

import ftplib
import io
import os
import sys

PORT = int(sys.argv[1])
ROOT = sys.argv[2]
MODE = sys.argv[3]
TIMEOUT = 20
MIB = bytes((i * 2654435761 >> 24) & 0xFF for i in range(1 << 20))


def connect():
    ftp = ftplib.FTP()
    greeting = ftp.connect("127.0.0.1", PORT, timeout=TIMEOUT)
    assert greeting.startswith("220 "), greeting
    return ftp


def refused(ftp, command, code):
    try:
        reply = ftp.sendcmd(command)
    except (ftplib.error_perm, ftplib.error_temp) as error:
        reply = str(error)
    assert reply.startswith(code + " "), f"{command}: expected {code}, got {reply!r}"


def transfer_refused(ftp, call, code):
    try:
        call()
    except (ftplib.error_perm, ftplib.error_temp) as error:
        assert str(error).startswith(code + " "), error
        return
    raise AssertionError("the transfer was not refused")


def download(ftp, name, rest=None):
    received = io.BytesIO()
    done = ftp.retrbinary("RETR " + name, received.write, rest=rest)
    assert done.startswith("226 "), done
    return received.getvalue()


def on_disk(*path):
    with open(os.path.join(ROOT, *path), "rb") as f:
        return f.read()


def user_session():
    ftp = connect()
    refused(ftp, "PASS secret", "503")
    refused(ftp, "PWD", "530")
    refused(ftp, "LIST", "530")
    try:
        ftp.login("alice", "wrong")
        raise AssertionError("a wrong password logged in")
    except ftplib.error_perm as error:
        assert str(error).startswith("530 "), error
    assert ftp.login("alice", "secret").startswith("230 ")
    assert ftp.pwd() == "/"

    # PWD and MKD double an embedded quote (RFC 959 Appendix II); ftplib undoubles it.
    assert ftp.mkd('say "hi"') == '/say "hi"', "MKD's 257"
    ftp.cwd('say "hi"')
    assert ftp.pwd() == '/say "hi"', ftp.pwd()
    ftp.cwd("..")
    ftp.rmd('say "hi"')

    ftp.mkd("up")
    ftp.cwd("up")
    for passive in (True, False):  # PASV, then PORT
        ftp.set_pasv(passive)
        name = "pasv.bin" if passive else "port.bin"
        done = ftp.storbinary("STOR " + name, io.BytesIO(MIB))
        assert done.startswith("226 "), done
        assert on_disk("up", name) == MIB, f"STOR {name} differs on disk"
        assert download(ftp, name) == MIB, f"RETR {name} differs"
        assert ftp.size(name) == len(MIB)
    ftp.set_pasv(True)

    # Resumed transfers: REST before RETR, REST before STOR, and APPE.
    assert download(ftp, "pasv.bin", rest=1000) == MIB[1000:]
    with open(os.path.join(ROOT, "up", "half.bin"), "wb") as f:
        f.write(MIB[:300000])
    ftp.storbinary("STOR half.bin", io.BytesIO(MIB[300000:]), rest=300000)
    assert on_disk("up", "half.bin") == MIB, "STOR after REST"
    ftp.storbinary("APPE more.bin", io.BytesIO(MIB[:5]))
    ftp.storbinary("APPE more.bin", io.BytesIO(MIB[5:9]))
    assert on_disk("up", "more.bin") == MIB[:9], "APPE"

    assert ftp.sendcmd("MDTM pasv.bin").startswith("213 20")
    names = sorted(ftp.nlst())
    assert names == ["half.bin", "more.bin", "pasv.bin", "port.bin"], names
    facts = dict(ftp.mlsd(facts=["type", "size", "modify"]))
    assert facts["pasv.bin"]["type"] == "file" and facts["pasv.bin"]["size"] == str(len(MIB))
    assert "modify" in facts["pasv.bin"], facts
    # OPTS MLST selects the facts MLSD writes (RFC 3659 §7.9).
    assert ftp.sendcmd("OPTS MLST type;") == "200 MLST OPTS type;"
    assert dict(ftp.mlsd())["pasv.bin"] == {"type": "file"}, dict(ftp.mlsd())
    listing = []
    ftp.retrlines("LIST", listing.append)
    assert any(line.endswith(" port.bin") for line in listing), listing

    ftp.rename("port.bin", "renamed.bin")
    assert os.path.exists(os.path.join(ROOT, "up", "renamed.bin"))
    ftp.delete("renamed.bin")
    assert not os.path.exists(os.path.join(ROOT, "up", "renamed.bin"))

    # One refusal of each kind, each with its catalogue code, the session in step after it.
    refused(ftp, "CWD no-such-directory", "550")
    # /etc/passwd under the root, which has none; asked with a data connection ready.
    transfer_refused(ftp, lambda: download(ftp, "../../../etc/passwd"), "550")
    refused(ftp, "SIZE no-such-file", "550")
    refused(ftp, "XYZZY", "500")
    refused(ftp, "TYPE X", "501")
    refused(ftp, "TYPE E", "504")
    refused(ftp, "CWD", "501")
    refused(ftp, "PWD x", "501")
    refused(ftp, "EPSV 2", "522")  # IPv6 on an IPv4 connection
    refused(ftp, "RNTO x", "503")
    assert ftp.sendcmd("REST 5").startswith("350 ")
    refused(ftp, "DELE pasv.bin", "503")  # REST must come right before the transfer
    refused(ftp, "RETR pasv.bin", "425")  # no PASV or PORT before it
    refused(ftp, "SITE CHMOD 644 x", "502")
    ftp.cwd("/")
    ftp.delete("up/pasv.bin")
    for name in ("half.bin", "more.bin"):
        ftp.delete("up/" + name)
    ftp.rmd("up")
    assert os.listdir(ROOT) == ["pub"], os.listdir(ROOT)
    assert ftp.quit().startswith("221 ")


def anonymous_session():
    before = sorted(os.walk(ROOT))
    ftp = connect()
    try:
        ftp.login("alice", "secret")
        raise AssertionError("alice logged in on an anonymous server")
    except ftplib.error_perm as error:
        assert str(error).startswith("530 "), error
    assert ftp.login().startswith("230 ")  # anonymous
    ftp.cwd("pub")
    assert download(ftp, "hello.txt") == on_disk("pub", "hello.txt")
    for command in ("MKD new", "RMD /pub", "DELE hello.txt"):
        refused(ftp, command, "550")
    for command in ("STOR new.txt", "APPE hello.txt"):
        transfer_refused(ftp, lambda: ftp.storbinary(command, io.BytesIO(b"x")), "550")
    # RNFR may say the file is there, RNTO refuses the rename.
    ftp.sendcmd("RNFR hello.txt")
    refused(ftp, "RNTO moved.txt", "550")
    assert ftp.quit().startswith("221 ")
    assert sorted(os.walk(ROOT)) == before, "an anonymous session changed the files"


if __name__ == "__main__":
    user_session() if MODE == "user" else anonymous_session()
    print("ftplib session ok")
