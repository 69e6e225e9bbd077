import Foundation
import Testing
@testable import TemplateEngine

/// Thousands of random and mutated templates (fixed seed): each must render or throw a `TemplateError`, quickly.
@Suite struct FuzzTests {
    /// SplitMix64: a small deterministic generator, so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", "(", ")", "[", "]", "{", "}", "|", ".", ",", ":",
        "\"", "'", "\\", "-", "+", "*", "/", "//", "%", "**", "~", "==", "!=", "<", ">=", " and ", " or ", " not ", " in ",
        " is ", " if ", " else ", "for x in xs", "endfor", "if x", "elif", "else", "endif", "set y = 1", "set z",
        "endset", "macro m(a, b=2)", "endmacro", "call m(1)", "endcall", "caller()", "block b", "endblock", "super()",
        "extends \"base.njk\"", "include \"x.njk\"", "import \"m.njk\" as m", "from \"m.njk\" import a", "raw", "endraw",
        "filter upper", "endfilter", "loop.index", "loop.last", "range(3)", "cycler(1, 2)", "joiner()", "| dump",
        "| join(\",\")", "| replace(\"a\", \"b\")", "| default(1)", "| sort", "| batch(2)", "| int", "| length", "r/a+/g",
        "1e3", "1.", "0", "-1", "none", "true", "é", "😀", "\n", "\t", " ", "xs", "obj.k", "obj['k']", "m(1)", "x", "y",
        "(1/0)", "(-1/0)", "(0/0)", "10 ** 300", "x.substr(0, 1/0)", "x.repeat(1/0)", "x.padStart(1/0)", "(1/0).toFixed(1/0)",
        "(10 ** 300).toString(16)", "| center(1/0)", "| indent(10 ** 300)", "| truncate(1/0)", "| urlize(1/0)",
        "| batch(1/0, 1)", "| slice(1/0)", "| round(1/0)", "| int(0, 1/0)", "| first", "| sum", "| dictsort",
    ]

    static let seeds: [String] = {
        var seeds = [
            "{% for x in xs %}{{ loop.index }}:{{ x | upper }}{% if not loop.last %},{% endif %}{% endfor %}",
            "{% macro m(a, b=2) %}[{{ a }}{{ b }}{{ caller() if caller }}]{% endmacro %}{{ m(1) }}{% call m(3) %}c{% endcall %}",
            "{% set t = 0 %}{% for k, v in obj %}{% set t = t + v %}{{ k }}={{ v | dump }};{% endfor %}{{ t }}",
            "{% raw %}{{ x }}{% endraw %}{# c #}{{ \"a\" ~ 1 ~ none }}{{- xs | join(\"-\") -}}",
            "{% filter replace(\"a\", \"b\") %}aaa{{ xs | first }}{% endfilter %}{{ obj | dictsort | dump(2) }}",
            "{% if x is defined %}d{% elif xs | length > 2 %}l{% else %}e{% endif %}{{ 2 ** 3 // 3 % 2 }}",
            "{% block b %}base{% endblock %}{{ range(3) | batch(2) | dump }}{{ \"x\" if xs else \"y\" }}",
        ]
        if let cases = ConformanceTests.casesURL {
            for name in ConformanceTests.caseNames {
                if let text = try? String(contentsOf: cases.appendingPathComponent("\(name)/template.njk"), encoding: .utf8) {
                    seeds.append(text)
                }
            }
        }
        return seeds
    }()

    static func mutate(_ text: String, _ rng: inout Generator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let n = scalars.count
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where n > 0:  // delete a range
                let a = Int.random(in: 0..<n, using: &rng)
                let b = min(n, a + Int.random(in: 1...8, using: &rng))
                scalars.removeSubrange(a..<b)
            case 1 where n > 0:  // duplicate a range
                let a = Int.random(in: 0..<n, using: &rng)
                let b = min(n, a + Int.random(in: 1...40, using: &rng))
                scalars.insert(contentsOf: scalars[a..<b], at: Int.random(in: 0...n, using: &rng))
            case 2 where n > 0:  // swap two characters
                scalars.swapAt(Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng))
            default:  // insert a fragment
                let f = fragments.randomElement(using: &rng)!
                scalars.insert(contentsOf: f.unicodeScalars, at: Int.random(in: 0...n, using: &rng))
            }
        }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    static func randomTemplate(_ rng: inout Generator) -> String {
        (0..<Int.random(in: 1...30, using: &rng)).map { _ in fragments.randomElement(using: &rng)! }.joined()
    }

    @Test func mutatedAndRandomTemplatesRenderOrFailCleanly() throws {
        var rng = Generator(state: UInt64(ProcessInfo.processInfo.environment["TE_FUZZ_SEED"] ?? "") ?? 0x5EED_1234)
        let context = try Value.parseJSON(Array(#"{"xs": [1, "b", null], "obj": {"k": 1, "j": 2}, "x": "s"}"#.utf8))
        let folder = ConformanceTests.casesURL?.appendingPathComponent("import-as").path ?? fixturesURL.path
        let env = Environment()
        env.stepLimit = 200_000
        var rendered = 0, failed = 0
        let clock = ContinuousClock()
        let started = clock.now
        for i in 0..<(Int(ProcessInfo.processInfo.environment["TE_FUZZ_COUNT"] ?? "") ?? 4000) {
            let template = i % 4 == 3 ? FuzzTests.randomTemplate(&rng) : FuzzTests.mutate(FuzzTests.seeds.randomElement(using: &rng)!, &rng)
            let t0 = clock.now
            do {
                _ = try env.render(source: template, name: folder + "/fuzz.njk", context: context)
                rendered += 1
            } catch is TemplateError {
                failed += 1
            } catch {
                Issue.record("template \(i) threw a non-TemplateError \(error): \(template.debugDescription)")
            }
            if clock.now - t0 > .seconds(1) {
                Issue.record("template \(i) took \(clock.now - t0): \(template.debugDescription)")
            }
        }
        #expect(rendered + failed > 0)
        #expect(rendered > 500 && failed > 500)
        #expect(clock.now - started < .seconds(60))
    }
}
