"""Prints the sizes of the .text and .rodata sections of an ELF file, and whether it holds
each of the given strings: `sections.py FILE [--contains TEXT]...`. Reads ELF32 or ELF64,
little-endian, with the standard library only."""

import struct
import sys


def sections(data):
    is64 = data[4] == 2
    if is64:
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    else:
        shoff, = struct.unpack_from("<I", data, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x2E)
    headers = []
    for i in range(shnum):
        base = shoff + i * shentsize
        if is64:
            name, _type, _flags, _addr, offset, size = struct.unpack_from("<IIQQQQ", data, base)
        else:
            name, _type, _flags, _addr, offset, size = struct.unpack_from("<IIIIII", data, base)
        headers.append((name, offset, size))
    _, str_offset, _ = headers[shstrndx]
    out = {}
    for name, offset, size in headers:
        end = data.index(b"\0", str_offset + name)
        out[data[str_offset + name:end].decode()] = size
    return out


def main():
    path = sys.argv[1]
    data = open(path, "rb").read()
    sizes = sections(data)
    text = sum(v for k, v in sizes.items() if k == ".text" or k.startswith(".text."))
    rodata = sum(v for k, v in sizes.items() if k == ".rodata" or k.startswith(".rodata."))
    print(f"text={text} rodata={rodata}")
    args = sys.argv[2:]
    while args:
        flag, needle = args[0], args[1]
        args = args[2:]
        assert flag == "--contains"
        print(f"contains {needle!r}: {'yes' if needle.encode() in data else 'no'}")


if __name__ == "__main__":
    main()
