/// The parts of a `VM.Activation` that most runs never use: capture marks, keyword arguments, the parent set by
/// `extends` and the block code for `super()`.
///
/// A macro call makes one activation, and destroying one released each of these fields (an empty array or a
/// nil is still a call into the runtime): kept behind one optional reference, allocated on first use, they
/// cost one release.
final class ActivationExtras {
    /// Output offsets where `captureStart` began collecting.
    var captures: [Int] = []
    /// The keyword arguments of a macro call, read by `bindKwarg`.
    var kwargs: [(String, Value)] = []
    /// Set by `extends` in root code.
    var parent: Template? = nil
    /// The block being rendered, for `super()`.
    var blockCode: CodeBlock? = nil
}
