/// A building's address, derived from (seed, building index).
struct Building {
    var town: Int
    var street: Int
    var house: Int
    var postalSuffix: Int

    init(seed: UInt64, index: Int) {
        var r = SplitMix64(seed: seed, index, 2)
        town = r.below(NameTables.towns.count)
        street = r.below(NameTables.streets.count)
        house = r.within(1...150)
        postalSuffix = r.within(1...60)
    }

    /// `160035, г. Вологда, ул. Пролетарская, д. 47, кв. 12` (`пом. 12` for business premises).
    func putAddress(_ out: inout [UInt8], unit: Int, business: Bool) {
        let t = NameTables.towns[town]
        out.put(t.postal, width: 4)
        out.put(postalSuffix, width: 2)
        out.put(", ")
        out.put(t.name)
        out.put(", ")
        out.put(NameTables.streets[street])
        out.put(", д. ")
        out.put(house)
        out.put(business ? ", пом. " : ", кв. ")
        out.put(unit)
    }

    /// `Нежилое помещение, ул. Мира, д. 8, пом. 3`.
    func putInstallation(_ out: inout [UInt8], unit: Int) {
        out.put("Нежилое помещение, ")
        out.put(NameTables.streets[street])
        out.put(", д. ")
        out.put(house)
        out.put(", пом. ")
        out.put(unit)
    }
}
