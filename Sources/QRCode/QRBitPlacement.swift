/// Where codeword bits go on the bit sets (``QRBitRows``) of a version up to ``QRBitRows/maximumSize``
/// modules a side: its function patterns as bit sets and the column and row of each data module in
/// placement order (``FunctionPatterns/dataOrder``). Built once, so that an encoding sets the bits of its
/// codewords straight into rows and columns.
struct QRBitPlacement: Sendable {
    let size: Int
    /// The function patterns, data modules light.
    let functionPatterns: QRBitRows
    /// The column and the row of each data module, in the order codeword bits are placed.
    let dataColumns: [UInt8]
    let dataRows: [UInt8]

    /// The placements of versions 1 up to the largest that fits in bit sets, index = version - 1.
    static let all: [QRBitPlacement] = FunctionPatterns.all.prefix { $0.size <= QRBitRows.maximumSize }.map(QRBitPlacement.init)

    private init(_ layout: FunctionPatterns) {
        size = layout.size
        functionPatterns = QRBitRows(layout.modules, size: size)
        dataColumns = layout.dataOrder.map { UInt8(Int($0) % layout.size) }
        dataRows = layout.dataOrder.map { UInt8(Int($0) / layout.size) }
    }

    /// The function patterns with the bits of `codewords` placed, most significant bit first (§7.7.3);
    /// modules past the last codeword (remainder bits) stay light.
    func placed(_ codewords: [UInt8]) -> QRBitRows {
        var bits = functionPatterns
        bits.rows.withUnsafeMutableBufferPointer { rows in
            bits.columns.withUnsafeMutableBufferPointer { columns in
                codewords.withUnsafeBufferPointer { codewords in
                    dataColumns.withUnsafeBufferPointer { xs in
                        dataRows.withUnsafeBufferPointer { ys in
                            // Without a branch per bit (half the bits are 1, and a test would be
                            // mispredicted as often) and with masking shifts (x and y are below 128).
                            for bit in 0..<min(codewords.count * 8, xs.count) {
                                let dark = UInt128((codewords[bit >> 3] >> (7 - UInt8(bit & 7))) & 1)
                                let x = Int(xs[bit]), y = Int(ys[bit])
                                rows[y] |= dark &<< x
                                columns[x] |= dark &<< y
                            }
                        }
                    }
                }
            }
        }
        return bits
    }
}
