import semver from 'semver';
import type { DoctorProbes } from './doctor-probes.js';
import { findWorkspacePackages } from './doctor-probes.js';
import { corePackageJson } from './package-info.js';

/** Result of one doctor check. `missing` is fine for an optional component. */
export interface DoctorResult {
  readonly name: string;
  readonly required: boolean;
  readonly status: 'ok' | 'missing' | 'failed';
  readonly detail: string;
  /** What to do about it, shown when the status is not `ok`. */
  readonly hint?: string;
}

/** The checks `omnimind doctor` runs, in order. None needs a running system. */
export async function runDoctorChecks(probes: DoctorProbes): Promise<DoctorResult[]> {
  const results: DoctorResult[] = [checkNode(probes), await checkCore(probes)];
  results.push(...(await checkWorkspacePlugins(probes)));
  results.push(
    await checkExecutable(
      probes,
      'chromium',
      ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
      {
        use: 'headless browser tests and dashboards',
        install: 'apt-get install chromium (or: npx playwright install chromium)',
      },
    ),
    await checkExecutable(probes, 'sox', ['sox'], {
      use: 'audio capture and playback',
      install: 'apt-get install sox',
    }),
    await checkExecutable(probes, 'ffmpeg', ['ffmpeg'], {
      use: 'video and audio decoding',
      install: 'apt-get install ffmpeg',
    }),
    await checkRedis(probes),
    checkRos(probes),
    await checkRclnodejs(probes),
  );
  return results;
}

function checkNode(probes: DoctorProbes): DoctorResult {
  const range = corePackageJson().engines?.node ?? '*';
  const ok = semver.satisfies(probes.nodeVersion, range);
  return {
    name: 'node',
    required: true,
    status: ok ? 'ok' : 'failed',
    detail: `v${probes.nodeVersion} (needs ${range})`,
    ...(ok ? {} : { hint: `install Node.js ${range} (for example with nvm: nvm install 20)` }),
  };
}

async function checkCore(probes: DoctorProbes): Promise<DoctorResult> {
  try {
    await probes.importModule('@omnimind/core');
    return { name: '@omnimind/core', required: true, status: 'ok', detail: `v${corePackageJson().version} loads` };
  } catch (error) {
    return {
      name: '@omnimind/core',
      required: true,
      status: 'failed',
      detail: `does not load: ${firstLine(error)}`,
      hint: 'run `npm install` and `npm run build` at the workspace root',
    };
  }
}

async function checkWorkspacePlugins(probes: DoctorProbes): Promise<DoctorResult[]> {
  const packages = await findWorkspacePackages(probes.cwd);
  if (packages === undefined) {
    return [{ name: 'workspace plugins', required: false, status: 'ok', detail: 'not inside an OmniMind workspace' }];
  }
  const plugins = packages.filter((pkg) => pkg.name !== '@omnimind/core');
  const results: DoctorResult[] = [];
  for (const pkg of plugins) {
    try {
      await probes.importModule(pkg.name);
      results.push({ name: pkg.name, required: true, status: 'ok', detail: `v${pkg.version} loads` });
    } catch (error) {
      results.push({
        name: pkg.name,
        required: true,
        status: 'failed',
        detail: `does not load: ${firstLine(error)}`,
        hint: 'run `npm install` and `npm run build` at the workspace root',
      });
    }
  }
  return results;
}

async function checkExecutable(
  probes: DoctorProbes,
  name: string,
  candidates: readonly string[],
  about: { use: string; install: string },
): Promise<DoctorResult> {
  for (const candidate of candidates) {
    const path = await probes.findExecutable(candidate);
    if (path !== undefined) return { name, required: false, status: 'ok', detail: path };
  }
  return { name, required: false, status: 'missing', detail: `optional: ${about.use}`, hint: about.install };
}

async function checkRedis(probes: DoctorProbes): Promise<DoctorResult> {
  const { host, port } = redisAddress(probes.env['REDIS_URL']);
  const where = `${host}:${port}`;
  try {
    const reply = await probes.redisPing(host, port, 1000);
    const detail = reply === '+PONG' ? `${where} answers PING` : `${where} reachable (${reply})`;
    return { name: 'redis', required: false, status: 'ok', detail };
  } catch (error) {
    return {
      name: 'redis',
      required: false,
      status: 'missing',
      detail: `optional: shared cache; ${where} unreachable (${firstLine(error)})`,
      hint: 'apt-get install redis-server && redis-server --daemonize yes (or set REDIS_URL)',
    };
  }
}

function redisAddress(url: string | undefined): { host: string; port: number } {
  if (url !== undefined && url !== '') {
    try {
      const parsed = new URL(url);
      return { host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(parsed.port || 6379) };
    } catch {
      // fall back to the default address
    }
  }
  return { host: '127.0.0.1', port: 6379 };
}

function checkRos(probes: DoctorProbes): DoctorResult {
  const distro = probes.env['ROS_DISTRO'];
  if (distro !== undefined && distro !== '') {
    return { name: 'ros2', required: false, status: 'ok', detail: `ROS_DISTRO=${distro}` };
  }
  return {
    name: 'ros2',
    required: false,
    status: 'missing',
    detail: 'optional: ROS 2 bridge; ROS_DISTRO is not set',
    hint: 'install ROS 2 and `source /opt/ros/<distro>/setup.bash`',
  };
}

async function checkRclnodejs(probes: DoctorProbes): Promise<DoctorResult> {
  const hint = 'with ROS 2 sourced: npm i rclnodejs';
  if ((probes.env['ROS_DISTRO'] ?? '') === '') {
    return {
      name: 'rclnodejs',
      required: false,
      status: 'missing',
      detail: 'optional: needs ROS 2 sourced first',
      hint,
    };
  }
  try {
    await probes.importModule('rclnodejs');
    return { name: 'rclnodejs', required: false, status: 'ok', detail: 'imports' };
  } catch (error) {
    return { name: 'rclnodejs', required: false, status: 'missing', detail: `optional: ${firstLine(error)}`, hint };
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
