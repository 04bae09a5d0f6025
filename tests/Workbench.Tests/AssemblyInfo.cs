[assembly: AssemblyFixture(typeof(Workbench.Tests.Infrastructure.HostFixture))]
