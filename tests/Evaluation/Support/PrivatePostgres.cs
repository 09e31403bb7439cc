using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Robustness.Evaluation.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL server (initdb + pg_ctl as the postgres user, data and socket in a temp folder, a free
/// localhost port), stopped and deleted on dispose. <see cref="TryStart"/> returns null with the reason when the
/// Debian postgresql package or the postgres user is missing.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string root;

    private PrivatePostgres(string root, int port)
    {
        this.root = root;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"postgres://postgres@127.0.0.1:{Port}/postgres";

    public static PrivatePostgres? TryStart(out string reason)
    {
        reason = "";
        if (!File.Exists(Path.Combine(Bin, "initdb")) || !File.Exists("/usr/sbin/runuser"))
        {
            reason = $"PostgreSQL 15 binaries ({Bin}) or runuser are absent (Debian package 'postgresql').";
            return null;
        }
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "robustness-pg-" + Guid.NewGuid().ToString("N")[..10])).FullName;
        if (Run("chown", "-R", "postgres", root) != 0)
        {
            reason = "no 'postgres' user to run the server as.";
            Directory.Delete(root, true);
            return null;
        }
        var port = FreePort();
        var server = new PrivatePostgres(root, port);
        if (Run("/usr/sbin/runuser", "-u", "postgres", "--", Path.Combine(Bin, "initdb"), "-D", Path.Combine(root, "data"), "-A", "trust", "-U", "postgres") != 0 ||
            Run("/usr/sbin/runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "start", "-w", "-D", Path.Combine(root, "data"), "-l", Path.Combine(root, "log"),
                "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1") != 0)
        {
            reason = "the private PostgreSQL server did not start: " + (File.Exists(Path.Combine(root, "log")) ? File.ReadAllText(Path.Combine(root, "log")) : "");
            server.Dispose();
            return null;
        }
        return server;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path.Combine(root, "data", "base")))
            Run("/usr/sbin/runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "stop", "-m", "fast", "-w", "-D", Path.Combine(root, "data"));
        try
        {
            Directory.Delete(root, true);
        }
        catch (IOException)
        {
            // the server may still be writing its log; the OS temp cleaner gets it
        }
    }
}
