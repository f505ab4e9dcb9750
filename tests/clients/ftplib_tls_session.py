"""Drives the example server over FTPS (RFC 4217) with Python's ftplib.FTP_TLS.

usage: ftplib_tls_session.py PORT ROOT CA_FILE MODE

MODE `offered`: the server offers TLS; the script runs AUTH TLS, logs in, PROT P, and moves
1 MiB each way byte for byte in passive mode, lists (NLST, MLSD), and checks a plain session
still works. MODE `required`: a plain login is refused with 530, a transfer after PROT C is
refused, and the protected session works. The server's certificate is checked against CA_FILE
for 127.0.0.1.
"""

import ftplib
import io
import os
import ssl
import sys

PORT = int(sys.argv[1])
ROOT = sys.argv[2]
CA = sys.argv[3]
MODE = sys.argv[4]
MIB = bytes((i * 2654435761 >> 24) & 0xFF for i in range(1 << 20))


def secure():
    context = ssl.create_default_context(cafile=CA)
    ftp = ftplib.FTP_TLS(context=context)
    ftp.connect("127.0.0.1", PORT, timeout=20)
    assert ftp.auth().startswith("234 ")
    assert ftp.login("alice", "secret").startswith("230 ")
    assert ftp.prot_p().startswith("200 ")
    return ftp


def protected_session():
    ftp = secure()
    assert ftp.storbinary("STOR tls.bin", io.BytesIO(MIB)).startswith("226 ")
    with open(os.path.join(ROOT, "tls.bin"), "rb") as f:
        assert f.read() == MIB, "the upload differs on disk"
    received = io.BytesIO()
    assert ftp.retrbinary("RETR tls.bin", received.write).startswith("226 ")
    assert received.getvalue() == MIB, "the download differs"
    assert "tls.bin" in ftp.nlst()
    assert dict(ftp.mlsd())["tls.bin"]["size"] == str(len(MIB))
    assert ftp.size("tls.bin") == len(MIB)
    ftp.delete("tls.bin")
    features = ftp.sendcmd("FEAT")
    assert " AUTH TLS" in features and " PBSZ" in features and " PROT" in features, features
    assert ftp.quit().startswith("221 ")


def main():
    protected_session()
    plain = ftplib.FTP()
    plain.connect("127.0.0.1", PORT, timeout=20)
    if MODE == "offered":
        assert plain.login("alice", "secret").startswith("230 ")
        assert "pub" in plain.nlst()
    else:
        try:
            plain.login("alice", "secret")
            raise AssertionError("a plain login was allowed")
        except ftplib.error_perm as error:
            assert str(error).startswith("530 "), error
        ftp = secure()
        try:
            ftp.prot_c()
            raise AssertionError("PROT C was allowed")
        except ftplib.error_perm as error:
            assert str(error).startswith("534 "), error
        ftp.quit()
    plain.close()
    print("ftplib TLS session ok")


if __name__ == "__main__":
    main()
