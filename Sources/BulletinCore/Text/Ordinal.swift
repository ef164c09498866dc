/// English ordinals for session numbers.
package enum Ordinal {
    /// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st...
    package static func english(_ number: Int) -> String {
        if (11...13).contains(number % 100) { return "\(number)th" }
        let suffix = switch number % 10 {
        case 1: "st"
        case 2: "nd"
        case 3: "rd"
        default: "th"
        }
        return "\(number)\(suffix)"
    }
}
