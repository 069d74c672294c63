import PDFWriter

/// Writes a ToUnicode CMap (ISO 32000-1 §9.10.3) mapping 2-byte codes to UTF-16BE text.
enum ToUnicodeCMap {
    /// The CMap for `mappings` (code, text), in the order given; `bfchar` blocks hold at most 100
    /// entries (§9.7.5.4 limit from the CMap format).
    static func bytes(_ mappings: [(code: UInt16, text: String)]) -> [UInt8] {
        var out = PDFBytes(capacity: 512 + mappings.count * 20)
        out.raw("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """)
        var index = 0
        while index < mappings.count {
            let block = mappings[index..<min(index + 100, mappings.count)]
            out.int(block.count)
            out.raw(" beginbfchar\n")
            for (code, text) in block {
                out.byte(0x3C)
                out.hex16(code)
                out.raw("> <")
                for unit in text.utf16 { out.hex16(unit) }
                out.raw(">\n")
            }
            out.raw("endbfchar\n")
            index += 100
        }
        out.raw("""
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end
            """)
        return out.bytes
    }
}
