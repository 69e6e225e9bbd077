/// CloudFormation's intrinsic functions that have a YAML short form, and their long-form keys.
///
/// `!Ref` and `!Condition` stand for the keys `Ref` and `Condition`; every other `!Name` for `Fn::Name`.
enum IntrinsicTags {
    /// The short-form names CloudFormation accepts (`!Name`), functions and rule functions alike.
    static let names: Set<String> = [
        "Ref", "Condition",
        "And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue", "Join",
        "Length", "Not", "Or", "Select", "Split", "Sub", "ToJsonString", "Transform",
        // Rule functions (the Rules section).
        "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll",
    ]

    /// The long-form key for the tag `!name` (`Ref` → "Ref", `Sub` → "Fn::Sub"), or nil for an unknown name.
    static func longKey(forShortName name: String) -> String? {
        guard names.contains(name) else { return nil }
        return name == "Ref" || name == "Condition" ? name : "Fn::" + name
    }

    /// The short name for a long-form key (`Fn::Sub` → "Sub"), or nil when the key has no short form.
    static func shortName(forLongKey key: String) -> String? {
        if key == "Ref" || key == "Condition" { return key }
        guard key.hasPrefix("Fn::") else { return nil }
        let name = String(key.dropFirst(4))
        return names.contains(name) ? name : nil
    }
}
