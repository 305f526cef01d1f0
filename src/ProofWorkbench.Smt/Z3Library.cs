using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Z3;

namespace ProofWorkbench.Smt;

/// <summary>
/// Finds the native Z3 library for the static class <see cref="Native"/> of the Microsoft.Z3 package,
/// whose P/Invoke declarations import the name <c>libz3</c>. The package carries native binaries for
/// Windows and macOS only; on Linux we bind Debian's libz3 (4.8.12) through
/// <see cref="NativeLibrary.SetDllImportResolver"/>, trying each candidate name in order
/// (<c>libz3.so</c>, then <c>libz3.so.4</c>). The first library that loads and exports
/// <c>Z3_eval_smtlib2_string</c> is bound for the rest of the process (the runtime caches P/Invoke
/// bindings, so it cannot be rebound).
/// </summary>
public static class Z3Library
{
    /// <summary>The one-sentence error for a missing library.</summary>
    public const string NotFoundMessage = "libz3 was not found; install Debian's package libz3-4 (apt-get install libz3-4)";

    /// <summary>The name the P/Invoke declarations of <see cref="Native"/> import.</summary>
    public const string ImportName = "libz3";

    /// <summary>The candidate names tried by default on this platform.</summary>
    public static IReadOnlyList<string> DefaultCandidates { get; } =
        OperatingSystem.IsWindows() ? ["libz3.dll", "libz3"]
        : OperatingSystem.IsMacOS() ? ["libz3.dylib", "libz3"]
        : ["libz3.so", "libz3.so.4"];

    private static readonly Lock Gate = new();
    private static IntPtr bound;
    private static bool resolverInstalled;

    /// <summary>
    /// Makes sure a Z3 library from <paramref name="candidates"/> (default <see cref="DefaultCandidates"/>)
    /// loads, and binds <see cref="Native"/> to it when nothing is bound yet.
    /// Throws <see cref="Z3NotFoundException"/> with <see cref="NotFoundMessage"/> when no candidate loads.
    /// </summary>
    public static void EnsureLoaded(IReadOnlyList<string>? candidates = null)
    {
        candidates ??= DefaultCandidates;
        lock (Gate)
        {
            IntPtr handle = IntPtr.Zero;
            foreach (var name in candidates)
                if (TryLoad(name, out handle)) break;
            if (handle == IntPtr.Zero) throw new Z3NotFoundException(NotFoundMessage);
            if (bound == IntPtr.Zero) bound = handle;
            else if (handle != bound) NativeLibrary.Free(handle); // already bound for this process
            if (!resolverInstalled)
            {
                try { NativeLibrary.SetDllImportResolver(typeof(Native).Assembly, Resolve); }
                catch (InvalidOperationException) { /* another component installed a resolver; it wins */ }
                resolverInstalled = true;
            }
        }
    }

    /// <summary>The full version string of the bound library, e.g. "4.8.12.0".</summary>
    public static string Version(IReadOnlyList<string>? candidates = null)
    {
        EnsureLoaded(candidates);
        return Guard(Native.Z3_get_full_version);
    }

    /// <summary>Runs a call into <see cref="Native"/>, turning a missing library into <see cref="Z3NotFoundException"/>.</summary>
    internal static T Guard<T>(Func<T> call)
    {
        try { return call(); }
        catch (DllNotFoundException) { throw new Z3NotFoundException(NotFoundMessage); }
        catch (EntryPointNotFoundException e)
        {
            throw new Z3NotFoundException($"the loaded libz3 lacks the entry point {e.Message}; install Debian's package libz3-4 (apt-get install libz3-4)");
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != ImportName) return IntPtr.Zero;
        lock (Gate) return bound; // IntPtr.Zero falls back to the runtime's default probing
    }

    private static bool TryLoad(string name, out IntPtr handle)
    {
        bool loaded = name.Contains('/') || name.Contains('\\')
            ? NativeLibrary.TryLoad(name, out handle)
            : NativeLibrary.TryLoad(name, typeof(Native).Assembly, null, out handle);
        if (!loaded) { handle = IntPtr.Zero; return false; }
        if (NativeLibrary.TryGetExport(handle, "Z3_eval_smtlib2_string", out _)) return true;
        NativeLibrary.Free(handle);
        handle = IntPtr.Zero;
        return false;
    }
}

/// <summary>The native Z3 library could not be loaded; the message is one sentence naming the package to install.</summary>
public sealed class Z3NotFoundException(string message) : InputException(message);

/// <summary>Z3 rejected an SMT-LIB2 script; <see cref="Exception.Message"/> carries Z3's error text.</summary>
public sealed class SmtScriptException(string message, string script) : Exception(message)
{
    /// <summary>The script Z3 rejected.</summary>
    public string Script { get; } = script;
}
