import Testing

@testable import ContractKit

struct JSONNumberTests {
    @Test(arguments: [
        (JSONNumber.integer(1), JSONNumber.double(1.0), true),
        (.integer(1), .double(1.5), false),
        (.bigInteger("123456789012345678901234567890"), .bigInteger("123456789012345678901234567890"), true),
        (.bigInteger("123456789012345678901234567890"), .double(1.2345678901234568e29), false),
        (.integer(Int64.max), .double(9.223372036854775807e18), false),
        (.bigInteger("100000000000000000000"), .double(1e20), true),
        (.bigInteger("100000000000000000001"), .double(1e20), false),
        (.bigInteger("-9223372036854775809"), .double(-0x1p63), false),
        (.bigInteger("9223372036854775808"), .double(0x1p63), true),
        (.bigInteger("-1267650600228229401496703205376"), .double(-0x1p100), true),
        (.bigInteger("1267650600228229401496703205376"), .double(0x1p100 + 0x1p48), false),
    ])
    func numericEquality(lhs: JSONNumber, rhs: JSONNumber, expected: Bool) {
        #expect(lhs.isNumericallyEqual(to: rhs) == expected)
        #expect(rhs.isNumericallyEqual(to: lhs) == expected)
    }

    /// Checked against Python's exact `int(float)` for these values.
    @Test(arguments: [
        (0x1p63, "9223372036854775808"),
        (1e20, "100000000000000000000"),
        (-0x1p100, "-1267650600228229401496703205376"),
        (1.7976931348623157e308, "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368"),
        (-42.0, "-42"),
    ])
    func exactDigitsOfWholeDoubles(value: Double, digits: String) {
        #expect(JSONNumber.exactDigits(ofWhole: value) == digits)
    }

    @Test func exactDigitsRefuseFractionsAndInfinities() {
        #expect(JSONNumber.exactDigits(ofWhole: 0.5) == nil)
        #expect(JSONNumber.exactDigits(ofWhole: .infinity) == nil)
        #expect(JSONNumber.exactDigits(ofWhole: .nan) == nil)
    }

    /// `maximum`/`minimum` between a big integer and a double are exact: 2⁶³ + 1 is above the double 2⁶³,
    /// which `Double("9223372036854775809")` would round to.
    @Test func bigIntegersAndDoublesCompareExactly() {
        #expect(JSONNumber.bigInteger("9223372036854775809").compare(to: .double(0x1p63)) == 1)
        #expect(JSONNumber.double(0x1p63).compare(to: .bigInteger("9223372036854775809")) == -1)
        #expect(JSONNumber.bigInteger("9223372036854775808").compare(to: .double(0x1p63)) == 0)
        #expect(JSONNumber.bigInteger("-9223372036854775809").compare(to: .double(-0.5)) == -1)
        #expect(JSONNumber.bigInteger("99999999999999999999").compare(to: .double(.infinity)) == -1)
    }

    @Test func structuralEqualityTellsIntegerFromDouble() {
        #expect(JSONValue.number(.integer(1)) != JSONValue.number(.double(1.0)))
        #expect(JSONValue.bool(true) != JSONValue.number(.integer(1)))
    }

    @Test(arguments: [
        (JSONNumber.integer(3), true), (.double(3.0), true), (.double(3.5), false),
        (.double(.infinity), false), (.bigInteger("-99999999999999999999"), true),
    ])
    func wholeness(number: JSONNumber, isInteger: Bool) {
        #expect(number.isInteger == isInteger)
        #expect((JSONValue.number(number).typeName == "integer") == isInteger)
    }

    @Test func descriptionKeepsTheKindOfNumber() {
        #expect(JSONNumber.integer(-7).description == "-7")
        #expect(JSONNumber.double(2).description == "2.0")
        #expect(JSONNumber.bigInteger("18446744073709551616").description == "18446744073709551616")
        #expect(JSONNumber.double(0.5).description == "0.5")
        #expect(JSONNumber.double(-0.0).description == "-0.0")
        #expect(JSONNumber.double(1e300).description == "1e+300")
        #expect(JSONNumber.double(.infinity).description == "null")
    }
}
