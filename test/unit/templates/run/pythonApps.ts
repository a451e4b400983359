// The Django and FastAPI templates started in the real frameworks from Debian (installed when missing),
// served over real HTTP: Django's WSGI handler under wsgiref (threaded), FastAPI under uvicorn.
import { ensureDebianPythonFrameworks } from './debianPython';
import { startApp, type RunningApp } from './runningApp';
import { writeTemplateProject } from './templateProject';

const DJANGO_SERVER = `import logging, os, sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="test-only-not-secret",
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF="urls",
    INSTALLED_APPS=[],
    MIDDLEWARE=["django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware"],
)
django.setup()
logging.basicConfig(level=logging.INFO, stream=sys.stdout)

from django.core.wsgi import get_wsgi_application


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


httpd = make_server("127.0.0.1", 0, get_wsgi_application(), server_class=ThreadingServer, handler_class=WSGIRequestHandler)
print("LISTENING", httpd.server_port, flush=True)
httpd.serve_forever()
`;

const DJANGO_URLS = `from django.urls import include, path

urlpatterns = [
    path("", include("sms.otp_views")),
    path("", include("sms.order_views")),
    path("", include("sms.campaign_views")),
]
`;

const FASTAPI_SERVER = `import logging, socket, sys

import uvicorn
from fastapi import FastAPI

from sms.campaign_routes import campaign_router
from sms.order_routes import order_router
from sms.otp_routes import otp_router

logging.basicConfig(level=logging.INFO, stream=sys.stdout)
app = FastAPI()
app.include_router(otp_router)
app.include_router(order_router)
app.include_router(campaign_router)

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.bind(("127.0.0.1", 0))
sock.listen(64)
print("LISTENING", sock.getsockname()[1], flush=True)
uvicorn.Server(uvicorn.Config(app, log_level="info")).run(sockets=[sock])
`;

export async function startPythonApp(framework: 'django' | 'fastapi', env: NodeJS.ProcessEnv, edit?: (id: string, code: string) => string): Promise<RunningApp> {
  const python = ensureDebianPythonFrameworks();
  const project = writeTemplateProject({
    templates: ['otp', 'order', 'campaign'].map((useCase) => `${framework}-${useCase}`),
    files: framework === 'django'
      ? { 'sms/__init__.py': '', 'urls.py': DJANGO_URLS, 'server.py': DJANGO_SERVER }
      : { 'sms/__init__.py': '', 'server.py': FASTAPI_SERVER },
    edit,
  });
  const app = await startApp({ command: python, args: ['-B', 'server.py'], cwd: project.dir, env }).catch((error: unknown) => {
    project.remove();
    throw error;
  });
  return { ...app, stop: async () => { await app.stop(); project.remove(); } };
}

