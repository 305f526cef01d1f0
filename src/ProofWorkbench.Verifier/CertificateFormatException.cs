namespace ProofWorkbench.Verifier;

/// <summary>A certificate that is not valid JSON or violates the format (docs/certificate.schema.json): the JSON path and what is wrong.</summary>
/// <param name="path">The JSON path (e.g. <c>$.facts[2].expression</c>).</param>
/// <param name="message">What is wrong there.</param>
public sealed class CertificateFormatException(string path, string message) : InputException($"{path}: {message}")
{
    /// <summary>The JSON path of the offending value.</summary>
    public string Path { get; } = path;
}

/// <summary>A re-check that failed: the certificate is rejected with this reason.</summary>
internal sealed class RejectException(string message) : Exception(message);

/// <summary>A certificate the verifier cannot re-check (a claim shape without a binding): reported as unsupported.</summary>
internal sealed class UnsupportedException(string message) : Exception(message);
