import Foundation
import Testing

@testable import LittleStack

@Suite struct AWSSupportTests {
    @Test(arguments: [
        ("2024-05-01T10:00:00Z", 1_714_557_600.0),  // XML timestamps
        ("2024-05-01T10:00:00.250Z", 1_714_557_600.25),  // with fractional seconds
        ("2024-05-01T12:00:00.250+0200", 1_714_557_600.25),  // Lambda's zone without a colon
        ("2024-05-01T10:00:00+00:00", 1_714_557_600.0),  // zone with a colon
        ("1714557600", 1_714_557_600.0),  // epoch seconds
    ])
    func dates(text: String, seconds: Double) {
        #expect(AWSDate.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test func badDates() {
        #expect(AWSDate.parse("yesterday") == nil)
        #expect(AWSDate.parse("") == nil)
        #expect(AWSDate.parse(nil) == nil)
    }

    @Test func xmlTree() throws {
        let tree = try #require(XMLTree.parse(Data("""
            <?xml version="1.0"?>
            <r:Root xmlns:r="urn:x"><A>1 &amp; 2</A><List><member>x</member><member><![CDATA[<y>]]></member></List></r:Root>
            """.utf8)))
        #expect(tree.name == "Root")
        #expect(tree.string("A") == "1 & 2")
        #expect(tree.members("List").map(\.text) == ["x", "<y>"])
        #expect(tree.all("List", "member").count == 2)
        #expect(tree.find("member")?.text == "x")
        #expect(XMLTree.parse(Data("<a><b></a>".utf8)) == nil)
    }

    @Test func queryParameters() {
        var p = QueryParameters()
        p.add("A", "1")
        p.add("B", nil as String?)
        p.add("C", true)
        p.addList("L", ["x", "y"])
        p.addStructures("S", [("k", nil as String?)]) { [("Key", $0.0), ("Value", $0.1)] }
        #expect(p.items.map { "\($0.name)=\($0.value)" } == ["A=1", "C=true", "L.member.1=x", "L.member.2=y", "S.member.1.Key=k"])
    }
}
