package import BulletinContent
package import BulletinTemplates

extension ParamValue {
    /// Params as templates see them: texts, truth values, lists and objects, so that sections
    /// and inverted sections behave as Mustache users expect (`{{#params.featured}}`).
    package var templateValue: TemplateValue {
        switch self {
        case .string(let text): .text(text)
        case .bool(let flag): .bool(flag)
        case .list(let items): .list(items.map(\.templateValue))
        case .object(let fields): .object(TemplateObject(fields.mapValues(\.templateValue)))
        }
    }
}

extension Dictionary where Key == String, Value == ParamValue {
    /// `params` as a template object.
    package var templateValue: TemplateValue {
        .object(TemplateObject(mapValues(\.templateValue)))
    }
}
