import { resolve } from 'node:path';
import { SYSTEM_SHUTDOWN, UserInputError, definePlugin, parseLocatedYaml, timeFromMs } from '@omnimind/core';
import type { nav2_msgs, nav_msgs, omnimind_msgs, sensor_msgs } from '@omnimind/core';
import { EnergyPolicy } from '../energy/energy-policy.js';
import { GoalQueue } from '../goals/goal-queue.js';
import { SimulatedObjectPerception } from '../perception/simulated-object-perception.js';
import { RobotSkills } from '../skills/robot-skills.js';
import { quaternionYaw } from '../skills/pose-watch.js';
import type { StatusChange } from '../bt/tree-snapshot.js';
import { agentParams, type AgentParams } from './agent-params.js';
import { MissionExecutor } from './mission-executor.js';
import { formatMissionSummary } from './mission-summary.js';
import { PathLengths } from './path-lengths.js';
import { RunMeter } from './run-meter.js';
import { loadMissionFile, type Mission } from './mission-file.js';
import { loadSemanticMap, type SemanticMap } from './semantic-map.js';
import { StepRunner } from './step-runner.js';
import { WorldModel } from './world-model.js';
import { StatusLine } from './status-line.js';

/** Checks what a launch can check before anything starts: the map, the mission, the objects' places. */
function checkConfiguration(p: AgentParams, baseDir: string, node: string): { map: SemanticMap; mission: Mission } {
  const map = loadSemanticMap(resolve(baseDir, p.map_file));
  const mission =
    p.mission_file === '' ? { objects: {}, goals: [] } : loadMissionFile(resolve(baseDir, p.mission_file));
  const places = [...Object.keys(map.places), ...map.docks.map((d) => d.id)];
  const unknown = (place: string | undefined): boolean => place !== undefined && !places.includes(place);
  for (const [id, o] of Object.entries(mission.objects)) {
    if (unknown(o.at)) {
      throw new UserInputError(
        'OMNI_ERR_AGENT_CONFIG',
        `${p.mission_file} of '${node}': object ${id} is expected at '${o.at}', which is not a place of ${p.map_file}; places: ${places.join(', ')}`,
      );
    }
  }
  for (const goal of mission.goals) {
    const named = [goal.target.robotAt, ...Object.values(goal.target.objectAt ?? {})];
    const bad = named.find(unknown);
    if (bad !== undefined) {
      throw new UserInputError(
        'OMNI_ERR_AGENT_CONFIG',
        `${p.mission_file} of '${node}': goal ${goal.id} names '${bad}', which is not a place of ${p.map_file}; places: ${places.join(', ')}`,
      );
    }
  }
  return { map, mission };
}

const BT_STATUS: Record<string, string> = { IDLE: 'IDLE', RUNNING: 'RUNNING', SUCCESS: 'SUCCESS', FAILURE: 'FAILURE' };

/**
 * The `agent` plugin: an embodied agent for one robot (run it in the robot's namespace). It keeps a
 * goal queue (goals from the mission file and the `goals` topic, as YAML or JSON text in
 * `std_msgs/String`; `cancel_goal` cancels by id), plans each goal with GOAP over a semantic map and
 * what it perceives, runs the plan as a behavior tree of skills (navigation through the navigator's
 * `navigate_to_pose`, the gripper action, `cmd_vel`), replans on failure or change, keeps an energy
 * reserve, and reports on `agent_status` (omnimind_msgs/AgentStatus) and `behavior_tree_log`
 * (nav2_msgs/BehaviorTreeLog). With `exit_when_done` it prints a summary and ends the system once
 * every goal has ended.
 */
export const agent = definePlugin({
  name: 'agent',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Embodied agent: goal queue, GOAP planning, behavior-tree execution of skills, energy management',
  params: agentParams,
  validate(params, node) {
    checkConfiguration(params, node.baseDir, node.name);
  },
  configure(ctx) {
    const p = ctx.params.values;
    const { map, mission } = checkConfiguration(p, ctx.baseDir, ctx.name);
    const world = new WorldModel(map, mission.objects, { placeTolerance: p.place_tolerance });
    const capacityWh = p.battery.capacityAh * p.battery.nominalVoltage;
    const meter = new RunMeter(capacityWh, ctx.clock.nowMs());
    const robotName = ctx.namespace.replace(/^\//, '') || ctx.name;
    const perception = new SimulatedObjectPerception(ctx.bus, {
      objectsTopic: p.objects_topic,
      poseTopic: p.pose_topic,
      mapTopic: p.map_topic,
    });
    const skills = new RobotSkills(ctx.bus, ctx.clock, { poseTopic: p.pose_topic, perception });
    const pathLengths = new PathLengths();
    const queue = new GoalQueue({ now: () => ctx.clock.nowMs() / 1000 });
    const runner = new StepRunner(skills, world, ctx.clock, perception, {
      approachDistance: p.approach_distance,
      chargeToFraction: p.charge_to_fraction,
    });
    const executor = new MissionExecutor(
      queue,
      world,
      runner,
      {
        robot: { linearSpeed: p.linear_speed, angularSpeed: p.angular_speed },
        battery: p.battery,
        energy: new EnergyPolicy({ reserveFraction: p.reserve_fraction, lowFraction: p.low_fraction }),
        pathLengths,
        docks: map.docks.map((d) => d.id),
      },
      ctx.clock,
      ctx.logger,
      { tickHz: p.tick_hz, lowFraction: p.low_fraction, chargeToFraction: p.charge_to_fraction },
    );
    ctx.bus.topic(p.pose_topic, 'nav_msgs/msg/Odometry').subscribe((e) => {
      const odom: nav_msgs.Odometry = e.message;
      const { position, orientation } = odom.pose.pose;
      world.setRobotPose({ x: position.x, y: position.y, theta: quaternionYaw(orientation) });
      meter.pose(position.x, position.y);
    });
    ctx.bus.topic(p.battery_topic, 'sensor_msgs/msg/BatteryState').subscribe((e) => {
      const state: sensor_msgs.BatteryState = e.message;
      if (Number.isFinite(state.percentage)) {
        world.setBattery(state.percentage);
        meter.charge(state.percentage);
      }
    });
    ctx.bus
      .topic('bumper', 'omnimind_msgs/msg/BumperEvent', { qos: 'latched' })
      .subscribe((e) => meter.bumper((e.message as omnimind_msgs.BumperEvent).pressed));
    ctx.bus
      .topic(p.map_topic, 'nav_msgs/msg/OccupancyGrid', { qos: 'latched' })
      .subscribe((e) => pathLengths.updateMap(e.message));
    perception.sightings$.subscribe((seen) => world.observe(seen));
    return { world, queue, executor, skills, perception, meter, robotName, mission };
  },
  activate(ctx, s) {
    const p = ctx.params.values;
    const statusTopic = ctx.bus.topic('agent_status', 'omnimind_msgs/msg/AgentStatus', { qos: 'latched' });
    const treeLog = ctx.bus.topic('behavior_tree_log', 'nav2_msgs/msg/BehaviorTreeLog');
    const line = new StatusLine(process.stderr, !p.headless);
    ctx.subscribe(s.executor.status$, (status) => {
      const message: omnimind_msgs.AgentStatus = {
        header: { stamp: ctx.clock.now(), frame_id: '' },
        goal_id: status.goalId,
        goal_status: status.goalStatus,
        plan: [...status.plan],
        current_step: status.currentStep,
        replans: status.replans,
        battery_fraction: s.world.battery ?? -1,
        message: status.message,
      };
      statusTopic.publish(message);
      const step = status.plan[status.currentStep];
      line.show(
        status.goalId === ''
          ? `[${s.robotName}] idle`
          : `[${s.robotName}] ${status.goalId}: ${step ?? status.message} (${status.currentStep + 1}/${status.plan.length}` +
              `, battery ${Math.round((s.world.battery ?? 0) * 100)} %)`,
      );
    });
    ctx.subscribe(s.executor.treeChanges$, (change: StatusChange) => {
      const entry: nav2_msgs.BehaviorTreeStatusChange = {
        timestamp: timeFromMs(change.timeMs),
        node_name: change.name,
        uid: change.uid,
        previous_status: BT_STATUS[change.previous] ?? change.previous,
        current_status: BT_STATUS[change.status] ?? change.status,
      };
      treeLog.publish({ timestamp: ctx.clock.now(), event_log: [entry] });
    });
    ctx.subscribe(ctx.bus.topic('goals', 'std_msgs/msg/String').observe(), (e) => {
      try {
        s.queue.submit(parseGoalText(e.message.data));
      } catch (error) {
        ctx.logger.warn({ err: error }, 'goal rejected');
      }
    });
    ctx.subscribe(ctx.bus.topic('cancel_goal', 'std_msgs/msg/String').observe(), (e) => {
      try {
        s.queue.cancel(e.message.data.trim(), 'cancelled on request');
      } catch (error) {
        ctx.logger.warn({ err: error }, 'cancel rejected');
      }
    });
    ctx.subscribe(s.executor.idle$, (reports) => {
      line.clear();
      const summary = formatMissionSummary(s.robotName, reports, s.meter.totals(ctx.clock.nowMs()));
      ctx.logger.info({ reports }, 'every goal has ended');
      process.stdout.write(`${summary}\n`);
      if (p.exit_when_done && ctx.container.isRegistered(SYSTEM_SHUTDOWN, true)) {
        ctx.container.resolve(SYSTEM_SHUTDOWN).request(`${ctx.fullyQualifiedName}: every goal has ended`);
      }
    });
    s.executor.start();
    for (const goal of s.mission.goals) s.queue.submit(goal);
  },
  async deactivate(_ctx, s) {
    await s.executor.stop();
  },
  cleanup(_ctx, s) {
    s.skills.dispose();
    s.perception.close();
    s.queue.close();
  },
});

/** A goal sent as text: YAML (JSON is YAML too). */
function parseGoalText(text: string): unknown {
  return parseLocatedYaml(text, '<goals topic>', 'OMNI_ERR_AGENT_CONFIG').data;
}
