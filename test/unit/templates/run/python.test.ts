// The Django and FastAPI templates in the real frameworks from Debian (installed by this test when
// missing), served over real HTTP against the emulator, and driven through every use case.
import { startPythonApp } from './pythonApps';
import { describeUseCases } from './useCaseDriver';

describeUseCases('templates run: Django (Debian python3-django, WSGI over HTTP) + the emulator', (env) => startPythonApp('django', env), 600_000);
describeUseCases('templates run: FastAPI (Debian python3-fastapi under uvicorn) + the emulator', (env) => startPythonApp('fastapi', env), 600_000);
