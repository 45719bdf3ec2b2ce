// The emulator's command line is built in runtime/TableFlow.Testing (issue 5); until then the project only builds.
return 0;
