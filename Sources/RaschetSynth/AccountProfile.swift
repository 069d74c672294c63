import RaschetCore

/// Everything the generator decides about one account, derived from (seed, account index) alone.
///
/// Each file is written in its own pass over the accounts; the profile is recomputed in every
/// pass from the account's own random stream, so no per-account state is kept between files and
/// memory stays flat for any number of accounts.
struct AccountProfile {
    /// How a household is supplied (or that the account is a business contract).
    enum Supply {
        /// Cold and hot water meters, single-rate electricity meter.
        case meters
        /// Same, with a two-zone (day/night) electricity meter.
        case twoZone
        /// Water and wastewater by norm (no meter can be installed), electricity meter.
        case waterNorm
        /// Water by norm and electricity by norm with the increasing coefficient.
        case allNorm
        case business
    }

    enum Payer { case pays, overpays, partial, none }

    static let slotsPerBuilding = 240

    var index: Int
    var supply: Supply
    var building: Int
    /// Flat (household) or premises (business) number in the building.
    var unit: Int
    /// Premises area in hundredths of m².
    var area: Int
    var residents: Int
    var female: Bool
    var surname: Int
    var firstName: Int
    var patronymic: Int
    /// Company name index, or -1 for an individual entrepreneur (ИП).
    var company: Int
    /// E-mail domain index, or -1 without e-mail.
    var emailDomain: Int
    var emailConfirmed: Bool
    var eReceipt: Bool
    var opened: CivilDate
    /// Business contracts: cold water by meter (and wastewater volumes).
    var hasWater: Bool
    /// No reading of any meter in the period itself (the close must estimate).
    var missingReading: Bool
    /// The cold-water register starts near 99999.999 and wraps during the history.
    var rollover: Bool
    var payer: Payer
    /// A temporary absence in the period (norm-charged households only).
    var absence: Bool

    var isBusiness: Bool { supply == .business }

    init(seed: UInt64, index: Int, openedBefore limit: CivilDate) {
        var r = SplitMix64(seed: seed, index, 1)
        self.index = index
        building = index / Self.slotsPerBuilding
        unit = index % Self.slotsPerBuilding + 1
        let business = r.chance(perMille: 100)
        if business {
            supply = .business
        } else {
            let x = r.below(100)
            supply = x < 72 ? .meters : x < 84 ? .twoZone : x < 95 ? .waterNorm : .allNorm
        }
        let residentsDraw = r.below(100)
        residents = business ? 0 : residentsDraw < 25 ? 1 : residentsDraw < 60 ? 2 : residentsDraw < 82 ? 3 : residentsDraw < 94 ? 4 : 5
        area = business ? r.within(2_000...30_000) : r.within(2_800...3_400) + residents * r.within(800...1_500)
        female = r.chance(perMille: 540)
        surname = r.below(NameTables.surnames.count)
        firstName = r.below(female ? NameTables.femaleNames.count : NameTables.maleNames.count)
        patronymic = r.below(NameTables.patronymics.count)
        company = business && r.chance(perMille: 700) ? r.below(NameTables.companyNames.count) : -1
        emailDomain = r.chance(perMille: business ? 900 : 300) ? r.below(NameTables.emailDomains.count) : -1
        emailConfirmed = emailDomain >= 0 && r.chance(perMille: 850)
        eReceipt = !business && emailDomain >= 0 && r.chance(perMille: emailConfirmed ? 700 : 100)
        // Opened from 2008 on; a data set whose accounts must open before 2008 opens them in the ten
        // years before `limit`, never before 1900.
        let y2008 = CivilDate(year: 2008, month: 1, day: 1)!.dayNumber
        let earliest = limit.dayNumber >= y2008 ? y2008
            : Swift.max(CivilDate(year: 1900, month: 1, day: 1)!.dayNumber, limit.dayNumber - 3_652)
        let latest = Swift.max(earliest, limit.dayNumber)
        opened = CivilDate(dayNumber: earliest + r.below(latest - earliest + 1))
        hasWater = business && r.chance(perMille: 650)
        let metered = supply != .allNorm && (supply != .business || hasWater)
        missingReading = metered && r.chance(perMille: 30)
        rollover = (supply == .meters || supply == .twoZone) && r.chance(perMille: 3)
        let payDraw = r.below(1000)
        if business {
            payer = payDraw < 80 ? .none : .pays
        } else {
            payer = payDraw < 60 ? .none : payDraw < 100 ? .partial : payDraw < 150 ? .overpays : .pays
        }
        absence = (supply == .waterNorm || supply == .allNorm) && r.chance(perMille: 40)
    }

    /// The account's meters, in file order.
    var meters: [MeterKind] {
        switch supply {
        case .meters: return [.coldWater, .hotWater, .electricity]
        case .twoZone: return [.coldWater, .hotWater, .electricityTwoZone]
        case .waterNorm: return [.electricity]
        case .allNorm: return []
        case .business: return hasWater ? [.businessWater] : []
        }
    }
}

/// A meter an account can have; the raw value is its slot in the account's random streams.
enum MeterKind: Int {
    case coldWater = 0, hotWater, electricity, electricityTwoZone, businessWater

    var service: StaticString {
        switch self {
        case .coldWater: return "HVS"
        case .hotWater: return "GVS"
        case .electricity, .electricityTwoZone: return "EE"
        case .businessWater: return "HVS_B"
        }
    }

    /// The meter id suffix after the account id.
    var suffix: StaticString {
        switch self {
        case .coldWater: return "-H"
        case .hotWater: return "-G"
        case .electricity, .electricityTwoZone: return "-E"
        case .businessWater: return "-B"
        }
    }

    var zones: Int { self == .electricityTwoZone ? 2 : 1 }
    var isWater: Bool { self != .electricity && self != .electricityTwoZone }
    /// Register digits before the point.
    var digits: Int { isWater ? 5 : 6 }
    /// Readings are written in these units: thousandths of m³ for water, whole kWh for electricity.
    var decimals: Int { isWater ? 3 : 0 }
    /// 10^digits in reading units: where the register wraps.
    var modulus: Int { isWater ? 100_000_000 : 1_000_000 }
    /// Years between verifications.
    var verificationYears: Int { isWater ? 6 : 16 }
}
