/// A value in one box that every copy of its holder shares. A struct of a dozen strings,
/// arrays and dictionaries is copied into lists, the resolved site and every comparison of
/// two updates, and each copy retains (then releases) every one of them; a struct holding
/// the box retains the box. For values made once and never changed.
package final class SharedBox<Value: Sendable>: Sendable {
    package let value: Value

    package init(_ value: Value) {
        self.value = value
    }
}

extension SharedBox where Value: Equatable {
    /// The same box, or equal values: two updates' values made from one source share their box.
    package static func same(_ a: SharedBox, _ b: SharedBox) -> Bool {
        a === b || a.value == b.value
    }
}
