/// JSON string literals for other modules (the preview server's events), written by the
/// same encoder as every JSON file the build makes.
public enum JSONText {
    /// `text` as a JSON string, quotes included.
    public static func quoted(_ text: String) -> String {
        var output = ""
        JSONValue.writeString(text, to: &output)
        return output
    }
}
