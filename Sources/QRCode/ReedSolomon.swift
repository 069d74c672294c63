/// Reed–Solomon over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1 (§7.5.2).
enum ReedSolomon {
    static let (exp, log): ([UInt8], [Int]) = {
        var exp = [UInt8](repeating: 0, count: 512)
        var log = [Int](repeating: 0, count: 256)
        var x = 1
        for i in 0..<255 {
            exp[i] = UInt8(x)
            log[x] = i
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
        }
        for i in 255..<512 { exp[i] = exp[i - 255] }
        return (exp, log)
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        a == 0 || b == 0 ? 0 : exp[log[Int(a)] + log[Int(b)]]
    }

    /// The generator polynomial (x - α⁰)(x - α¹)…(x - α^(degree-1)), coefficients high to low, the
    /// leading 1 left out.
    static func generator(degree: Int) -> [UInt8] {
        var poly: [UInt8] = [1]
        for i in 0..<degree {
            var next = [UInt8](repeating: 0, count: poly.count + 1)
            for (j, c) in poly.enumerated() {
                next[j] ^= c
                next[j + 1] ^= multiply(c, exp[i])
            }
            poly = next
        }
        return Array(poly.dropFirst())
    }

    /// The generators of degrees 0...30 (level M uses 10...30), made once.
    static let generators: [[UInt8]] = (0...30).map(generator(degree:))

    /// The error correction codewords of `data`: the remainder of data·x^n divided by the generator.
    static func remainder(_ data: ArraySlice<UInt8>, generator: [UInt8]) -> [UInt8] {
        let degree = generator.count
        return [UInt8](unsafeUninitializedCapacity: degree) { result, count in
            result.initialize(repeating: 0)
            count = degree
            guard degree > 0 else { return }
            exp.withUnsafeBufferPointer { exp in
                log.withUnsafeBufferPointer { log in
                    generator.withUnsafeBufferPointer { generator in
                        for byte in data {
                            // Shift the remainder one codeword up and add the generator times the factor.
                            let factor = byte ^ result[0]
                            if factor == 0 {
                                for i in 0..<(degree - 1) { result[i] = result[i + 1] }
                                result[degree - 1] = 0
                                continue
                            }
                            let logFactor = log[Int(factor)]
                            for i in 0..<degree {
                                let next = i + 1 < degree ? result[i + 1] : 0
                                let coefficient = generator[i]
                                result[i] = next ^ (coefficient == 0 ? 0 : exp[logFactor + log[Int(coefficient)]])
                            }
                        }
                    }
                }
            }
        }
    }
}
