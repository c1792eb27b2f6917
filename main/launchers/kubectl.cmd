@echo off
rem kubectl in the installed app (no Node on the machine): Electron's own Node runs the bundle.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\Kubelab.exe" "%~dp0..\app\dist\kubectl.cjs" %*
