import Testing
@testable import YAMLBridge

@Suite struct ScalarResolverTests {
    static let plainCases: [(String, ResolvedScalar)] = [
        // Booleans: YAML 1.1's words in lowercase, Capitalised and UPPER spellings (PyYAML, cfn-flip).
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("tRUE", .string("tRUE")),
        ("false", .bool(false)), ("FALSE", .bool(false)),
        ("yes", .bool(true)), ("Yes", .bool(true)), ("YES", .bool(true)), ("yEs", .string("yEs")),
        ("no", .bool(false)), ("No", .bool(false)),
        ("on", .bool(true)), ("ON", .bool(true)), ("off", .bool(false)), ("Off", .bool(false)),
        // y and n stay strings, as in PyYAML.
        ("y", .string("y")), ("n", .string("n")),
        // Null.
        ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", .string("nULL")), ("~", .null), ("", .null),
        ("~x", .string("~x")),
        // Integers: decimal, signed, octal, hex, binary, underscores.
        ("0", .number(0, text: "0")), ("-0", .number(0, text: "-0")), ("42", .number(42, text: "42")),
        ("+7", .number(7, text: "+7")), ("-5", .number(-5, text: "-5")),
        ("0777", .number(511, text: "0777")), ("00", .number(0, text: "00")),
        ("0x1F", .number(31, text: "0x1F")), ("0x_1F", .number(31, text: "0x_1F")), ("-0x10", .number(-16, text: "-0x10")),
        ("0b101", .number(5, text: "0b101")),
        ("1_000", .number(1000, text: "1_000")), ("1__0", .number(10, text: "1__0")),
        // Not numbers: a leading zero means octal; YAML 1.2's 0o prefix is not YAML 1.1; a leading underscore.
        ("09", .string("09")), ("0o17", .string("0o17")), ("_1", .string("_1")), ("0x", .string("0x")),
        ("0xG", .string("0xG")), ("12e", .string("12e")), ("1.2.3", .string("1.2.3")), ("-", .string("-")),
        // Floats: YAML 1.1's forms and every JSON number.
        ("1.5", .number(1.5, text: "1.5")), ("1.", .number(1, text: "1.")), (".5", .number(0.5, text: ".5")),
        ("-1.5e+3", .number(-1500, text: "-1.5e+3")), ("1_000.5", .number(1000.5, text: "1_000.5")),
        ("0777.5", .number(777.5, text: "0777.5")), ("1e5", .number(100000, text: "1e5")),
        ("2E-3", .number(0.002, text: "2E-3")), ("1.0e5", .number(100000, text: "1.0e5")),
        ("-.5", .string("-.5")),
        // .inf and .nan stay strings: JSON has neither.
        (".inf", .string(".inf")), ("-.Inf", .string("-.Inf")), (".nan", .string(".nan")),
        // Sexagesimal and timestamps stay strings.
        ("1:20", .string("1:20")), ("2010-09-09", .string("2010-09-09")),
        // Words.
        ("hello", .string("hello")), ("nothing", .string("nothing")), ("online", .string("online")),
        ("truely", .string("truely")), ("é", .string("é")),
    ]

    @Test(arguments: plainCases)
    func plainScalars(text: String, expected: ResolvedScalar) {
        #expect(ScalarResolver.resolve(Node.Scalar(text)) == expected)
    }

    @Test(arguments: [Node.Scalar.Style.singleQuoted, .doubleQuoted, .literal, .folded])
    func quotedAndBlockScalarsStayStrings(style: Node.Scalar.Style) {
        for text in ["true", "123", "null", "", "yes", "0x1F"] {
            #expect(ScalarResolver.resolve(Node.Scalar(text, style: style)) == .string(text))
        }
    }

    @Test(arguments: [
        // Standard tags force a type.
        (Node.Scalar("123", tag: "!!str"), ResolvedScalar.string("123")),
        (Node.Scalar("7", tag: "!!int", style: .singleQuoted), .number(7, text: "7")),
        (Node.Scalar("x", tag: "!!int"), .string("x")),
        (Node.Scalar("1.5", tag: "!!float", style: .doubleQuoted), .number(1.5, text: "1.5")),
        (Node.Scalar("yes", tag: "!!bool", style: .singleQuoted), .bool(true)),
        (Node.Scalar("anything", tag: "!!null"), .null),
        // The non-specific tag and CloudFormation tags leave the text as a string.
        (Node.Scalar("12", tag: "!"), .string("12")),
        (Node.Scalar("true", tag: "!Ref"), .string("true")),
    ])
    func taggedScalars(scalar: Node.Scalar, expected: ResolvedScalar) {
        #expect(ScalarResolver.resolve(scalar) == expected)
    }

    @Test func largeIntegersKeepTheirText() {
        #expect(ScalarResolver.resolve(Node.Scalar("123456789012345678901234"))
            == .number(123456789012345678901234, text: "123456789012345678901234"))
    }
}
