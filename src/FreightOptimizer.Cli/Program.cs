// freightopt: the FreightOptimizer command-line tool (docs/cli.md).
using System.Globalization;
using FreightOptimizer.Cli;
using FreightOptimizer.Reporting;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

return CliApp.Run(args, new CliContext(Terminal.StandardOutput(), Terminal.StandardError()), Console.Out, Console.Error);
