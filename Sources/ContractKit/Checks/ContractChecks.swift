/// The checks every response of a run goes through.
public enum ContractChecks {
    /// Shape, enums, error envelope, headers and secret-once, sharing one validator per spec.
    public static func standard(specs: [APIVersion: OpenAPIDocument], codes: ErrorCodeTable) -> [any ResponseCheck] {
        let validators = SpecValidators(specs: specs)
        return [
            ResponseShapeCheck(validators: validators),
            EnumCheck(validators: validators),
            ErrorEnvelopeCheck(validators: validators, codes: codes),
            HeaderCheck(),
            SecretOnceCheck(),
        ]
    }
}
