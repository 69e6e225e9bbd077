import YAMLBridge

/// Every `Ref`, `Fn::GetAtt`, `Fn::Sub` `${…}`, `DependsOn`, `Condition`, `Fn::If` and
/// `Fn::FindInMap` names something the template (or CloudFormation) defines.
///
/// With a `Transform` the template may gain names at deploy time, so unknown names are not reported then.
enum ReferenceRule {
    static func check(_ context: inout ValidationContext) {
        var walker = ReferenceWalker(context: context)
        for entry in context.model.resources {
            guard case .mapping(let body) = entry.node else { continue }
            for (key, value) in body.pairs {
                switch JSONValue.keyText(key) {
                case "Condition": walker.checkCondition(value, by: "Condition")
                case "DependsOn": walker.checkDependsOn(value)
                case "Type": break
                default: walker.walk(value, inConditions: false)
                }
            }
        }
        for entry in context.model.outputs {
            guard case .mapping(let body) = entry.node else { continue }
            for (key, value) in body.pairs {
                if JSONValue.keyText(key) == "Condition" { walker.checkCondition(value, by: "Condition") } else {
                    walker.walk(value, inConditions: false)
                }
            }
        }
        for entry in context.model.conditions {
            walker.walk(entry.node, inConditions: true)
        }
        context = walker.context
    }
}

/// The recursive walk behind `ReferenceRule`.
struct ReferenceWalker {
    var context: ValidationContext
    var model: TemplateModel { context.model }

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func walk(_ node: Node, inConditions: Bool) {
        switch node {
        case .scalar: return
        case .sequence(let seq):
            for item in seq.items { walk(item, inConditions: inConditions) }
        case .mapping(let map):
            if map.pairs.count == 1 {
                let value = map.pairs[0].value
                switch JSONValue.keyText(map.pairs[0].key) {
                case "Ref":
                    checkRef(value)
                    return
                case "Fn::GetAtt":
                    checkGetAtt(value)
                    return
                case "Fn::Sub":
                    checkSub(value, inConditions: inConditions)
                    return
                case "Fn::If":
                    if case .sequence(let seq) = value, let first = seq.items.first {
                        checkCondition(first, by: "Fn::If")
                        for item in seq.items.dropFirst() { walk(item, inConditions: inConditions) }
                        return
                    }
                case "Condition" where inConditions:
                    checkCondition(value, by: "Condition")
                    return
                case "Fn::FindInMap":
                    checkFindInMap(value)
                default:
                    break
                }
            }
            for pair in map.pairs { walk(pair.value, inConditions: inConditions) }
        }
    }

    // MARK: - Targets

    mutating func checkRef(_ value: Node) {
        guard case .scalar = value, case .string(let name) = JSONValue(node: value) else {
            context.report(.error, at: value.start, "'Ref' must be a string, not \(NodeType.name(value))")
            return
        }
        if isRefTarget(name) || model.hasTransform { return }
        context.report(.error, at: value.start, "'Ref' to unknown resource or parameter '\(name)'"
                       + ValidationContext.suggestion(name, in: model.refTargets))
    }

    mutating func checkGetAtt(_ value: Node) {
        var target: (String, Mark)?
        switch value {
        case .sequence(let seq) where seq.items.count == 2:
            if case .scalar = seq.items[0], case .string(let s) = JSONValue(node: seq.items[0]) {
                target = (s, seq.items[0].start)
            }
            walk(seq.items[1], inConditions: false)
        case .scalar:
            if case .string(let s) = JSONValue(node: value), let dot = s.firstIndex(of: ".") {
                target = (String(s[..<dot]), value.start)
            }
        default:
            break
        }
        guard let (name, mark) = target else {
            context.report(.error, at: value.start, "'Fn::GetAtt' must be [resource, attribute]")
            return
        }
        if model.resource(name) != nil || model.hasTransform { return }
        context.report(.error, at: mark, "'Fn::GetAtt' of unknown resource '\(name)'"
                       + ValidationContext.suggestion(name, in: model.resources.map(\.name)))
    }

    mutating func checkSub(_ value: Node, inConditions: Bool) {
        var stringNode = value
        var locals: Set<String> = []
        if case .sequence(let seq) = value {
            guard seq.items.count == 2, case .mapping(let vars) = seq.items[1] else {
                context.report(.error, at: value.start, "'Fn::Sub' must be a string or [string, {variables}]")
                return
            }
            stringNode = seq.items[0]
            for (k, v) in vars.pairs {
                locals.insert(JSONValue.keyText(k))
                walk(v, inConditions: inConditions)
            }
        }
        guard case .scalar(let scalar) = stringNode, case .string(let text) = JSONValue(node: stringNode) else {
            context.report(.error, at: stringNode.start, "'Fn::Sub' must be a string or [string, {variables}]")
            return
        }
        for (name, offset) in SubString.variables(in: text) {
            if locals.contains(name) || model.hasTransform { continue }
            let mark = SubString.mark(ofByte: offset, in: scalar, source: context.template.source)
            if let dot = name.firstIndex(of: ".") {
                let resource = String(name[..<dot])
                if model.resource(resource) == nil {
                    context.report(.error, at: mark, "'Fn::Sub' refers to unknown resource '\(resource)'"
                                   + ValidationContext.suggestion(resource, in: model.resources.map(\.name)))
                }
            } else if !isRefTarget(name) {
                context.report(.error, at: mark, "'Fn::Sub' refers to unknown resource or parameter '\(name)'"
                               + ValidationContext.suggestion(name, in: model.refTargets + locals.sorted()))
            }
        }
    }

    mutating func checkCondition(_ value: Node, by user: String) {
        guard case .scalar = value, case .string(let name) = JSONValue(node: value) else {
            if user == "Fn::If" { walk(value, inConditions: true) }
            return
        }
        if model.conditionNames.contains(name) { return }
        context.report(.error, at: value.start, "'\(user)' refers to unknown condition '\(name)'"
                       + ValidationContext.suggestion(name, in: model.conditions.map(\.name)))
    }

    mutating func checkDependsOn(_ value: Node) {
        let items: [Node]
        switch value {
        case .sequence(let seq): items = seq.items
        default: items = [value]
        }
        for item in items {
            guard case .scalar = item, case .string(let name) = JSONValue(node: item) else {
                context.report(.error, at: item.start, "'DependsOn' must name resources, not \(NodeType.name(item))")
                continue
            }
            if model.resource(name) == nil && !model.hasTransform {
                context.report(.error, at: item.start, "'DependsOn' refers to unknown resource '\(name)'"
                               + ValidationContext.suggestion(name, in: model.resources.map(\.name)))
            }
        }
    }

    mutating func checkFindInMap(_ value: Node) {
        guard case .sequence(let seq) = value, seq.items.count >= 3 else {
            context.report(.error, at: value.start, "'Fn::FindInMap' must be [mapping, key, key]")
            return
        }
        guard case .scalar = seq.items[0], case .string(let mapName) = JSONValue(node: seq.items[0]) else { return }
        guard let index = model.mappingIndex[mapName] else {
            context.report(.error, at: seq.items[0].start, "'Fn::FindInMap' refers to unknown mapping '\(mapName)'"
                           + ValidationContext.suggestion(mapName, in: model.mappings.map(\.name)))
            return
        }
        guard case .scalar = seq.items[1], case .string(let top) = JSONValue(node: seq.items[1]),
              case .mapping(let table) = model.mappings[index].node else { return }
        guard let row = table[top] else {
            context.report(.error, at: seq.items[1].start, "mapping '\(mapName)' has no key '\(top)'")
            return
        }
        guard case .scalar = seq.items[2], case .string(let second) = JSONValue(node: seq.items[2]),
              case .mapping(let cells) = row else { return }
        if cells[second] == nil {
            context.report(.error, at: seq.items[2].start, "mapping '\(mapName)' has no key '\(second)' under '\(top)'")
        }
    }

    func isRefTarget(_ name: String) -> Bool {
        model.resourceIndex[name] != nil || model.parameterNames.contains(name)
            || TemplateModel.pseudoParameters.contains(name)
    }
}
