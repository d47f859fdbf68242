global using Console.Tests.Support;
