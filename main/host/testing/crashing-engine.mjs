// A stand-in engine for supervisor tests: says why on stderr and exits at once.
process.stderr.write('fake engine: cannot open database\n');
process.exit(3);
