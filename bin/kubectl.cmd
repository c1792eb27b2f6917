@echo off
node "%~dp0\..\dist\kubectl.cjs" %*
