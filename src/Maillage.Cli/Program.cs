using System.Text;
using Maillage.Cli;

if (OperatingSystem.IsWindows())
{
    Console.OutputEncoding = Encoding.UTF8;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await CliApp.RunAsync(args, Console.Out, Console.Error, environment: null, cancel.Token);
