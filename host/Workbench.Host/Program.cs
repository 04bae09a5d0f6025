using Workbench.Host.Api;
using Workbench.Host.Cli;
using Workbench.Platform.Hosting;
using Workbench.Platform.OpenId;
using Workbench.Platform.Workflows;

// One executable: the web host, or, when the first argument is a command verb, the administrators' CLI.
if (WorkbenchCli.IsCommand(args))
    return await WorkbenchCli.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.AddWorkbench(commandLine: false, typeof(Program).Assembly);
builder.Services.AddOpenApi(o => o.DescribeEnumsByName().DescribePlatformResponses());

var app = builder.Build();
app.UseWorkbench();
app.MapOpenApi("/openapi/{documentName}.json").WithMetadata(new Workbench.Abstractions.Modules.HostEndpointAttribute());
app.MapPlatformApi();
app.MapWorkflows();
app.MapOpenIdServer();
await app.RunAsync();
return 0;

public partial class Program;
